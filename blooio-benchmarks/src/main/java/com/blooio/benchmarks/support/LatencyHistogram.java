package com.blooio.benchmarks.support;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A thread-safe, fixed-size latency histogram with about 1.6 % resolution: exact below
 * 128 ns, then 64 sub-buckets per power of two. Recording is one atomic increment, so it
 * costs the measured code next to nothing.
 */
public final class LatencyHistogram {

	private static final int EXACT = 128;

	private static final int SUB_BUCKETS = 64;

	private static final int BUCKETS = EXACT + (63 - 7) * SUB_BUCKETS;

	private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

	/**
	 * Records one latency.
	 * @param nanos the latency in nanoseconds
	 */
	public void record(long nanos) {
		this.counts.incrementAndGet(index(Math.max(0, nanos)));
	}

	/**
	 * Adds the counts of another histogram to this one.
	 * @param other the other histogram
	 */
	public void add(LatencyHistogram other) {
		for (int i = 0; i < BUCKETS; i++) {
			long count = other.counts.get(i);
			if (count != 0) {
				this.counts.addAndGet(i, count);
			}
		}
	}

	/**
	 * Returns how many latencies were recorded.
	 * @return the count
	 */
	public long count() {
		long total = 0;
		for (int i = 0; i < BUCKETS; i++) {
			total += this.counts.get(i);
		}
		return total;
	}

	/**
	 * Returns a percentile.
	 * @param percentile between 0 and 100
	 * @return the latency in nanoseconds, the middle of its bucket, or 0 when empty
	 */
	public long percentile(double percentile) {
		long total = count();
		if (total == 0) {
			return 0;
		}
		long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
		long seen = 0;
		for (int i = 0; i < BUCKETS; i++) {
			seen += this.counts.get(i);
			if (seen >= rank) {
				return (lowerBound(i) + lowerBound(i + 1)) / 2;
			}
		}
		return lowerBound(BUCKETS - 1);
	}

	static int index(long nanos) {
		if (nanos < EXACT) {
			return (int) nanos;
		}
		int exponent = 63 - Long.numberOfLeadingZeros(nanos);
		int mantissa = (int) ((nanos >>> (exponent - 6)) & (SUB_BUCKETS - 1));
		return Math.min(BUCKETS - 1, EXACT + (exponent - 7) * SUB_BUCKETS + mantissa);
	}

	static long lowerBound(int index) {
		if (index < EXACT) {
			return index;
		}
		int exponent = (index - EXACT) / SUB_BUCKETS + 7;
		int mantissa = (index - EXACT) % SUB_BUCKETS;
		return ((long) (SUB_BUCKETS + mantissa)) << (exponent - 6);
	}

}
