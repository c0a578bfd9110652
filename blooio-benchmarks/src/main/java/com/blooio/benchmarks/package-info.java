/**
 * The benchmark runner: starts every part in its own JVM and prints one summary table.
 */
@NullMarked
package com.blooio.benchmarks;

import org.jspecify.annotations.NullMarked;
