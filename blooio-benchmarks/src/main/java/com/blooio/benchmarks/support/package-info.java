/**
 * Pieces shared by the benchmark processes: arguments, result lines, latency histograms,
 * signed webhook deliveries.
 */
@NullMarked
package com.blooio.benchmarks.support;

import org.jspecify.annotations.NullMarked;
