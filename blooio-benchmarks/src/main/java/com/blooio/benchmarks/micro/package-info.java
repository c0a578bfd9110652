/**
 * JMH micro-benchmarks of signature verification, event parsing and de-duplication.
 */
@NullMarked
package com.blooio.benchmarks.micro;

import org.jspecify.annotations.NullMarked;
