/**
 * Heap used after many webhook deliveries, bounded by the de-duplication store.
 */
@NullMarked
package com.blooio.benchmarks.memory;

import org.jspecify.annotations.NullMarked;
