/**
 * Outbound throughput and latency: BlooioTemplate versus raw WebClient against a local
 * Netty stub.
 */
@NullMarked
package com.blooio.benchmarks.outbound;

import org.jspecify.annotations.NullMarked;
