/**
 * Inbound throughput: the starter's webhook endpoint versus a bare route, loaded from a
 * separate JVM.
 */
@NullMarked
package com.blooio.benchmarks.inbound;

import org.jspecify.annotations.NullMarked;
