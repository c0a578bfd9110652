/**
 * Start-up time of an application with and without the Blooio auto-configurations.
 */
@NullMarked
package com.blooio.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
