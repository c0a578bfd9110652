package com.blooio.benchmarks.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Sums the measured phases of one side of a comparison.
 */
public final class Totals {

	private final LatencyHistogram latencies = new LatencyHistogram();

	private final List<Double> rates = new ArrayList<>();

	private long succeeded;

	private long failed;

	private long elapsedNanos;

	private long cpuNanos;

	/**
	 * Adds a measured phase.
	 * @param phase the phase
	 */
	public void add(ClosedLoad.Phase phase) {
		this.latencies.add(phase.latencies());
		this.rates.add(phase.perSecond());
		this.succeeded += phase.succeeded();
		this.failed += phase.failed();
		this.elapsedNanos += phase.elapsedNanos();
		this.cpuNanos += phase.cpuNanos();
	}

	/**
	 * Returns the CPU time the measured process spent per successful request, a number
	 * less sensitive than throughput to other load on the machine.
	 * @return the CPU time in microseconds
	 */
	public double cpuMicrosPerRequest() {
		return (this.succeeded > 0) ? this.cpuNanos / 1000.0 / this.succeeded : 0;
	}

	/**
	 * Returns successful requests per second over all phases.
	 * @return the throughput
	 */
	public double perSecond() {
		return (this.elapsedNanos > 0) ? this.succeeded * 1e9 / this.elapsedNanos : 0;
	}

	/**
	 * Returns the throughput of each phase, in order.
	 * @return the throughputs
	 */
	public List<Double> rates() {
		return this.rates;
	}

	public long succeeded() {
		return this.succeeded;
	}

	public long failed() {
		return this.failed;
	}

	/**
	 * Returns a latency percentile in microseconds.
	 * @param percentile between 0 and 100
	 * @return the latency
	 */
	public double micros(double percentile) {
		return this.latencies.percentile(percentile) / 1000.0;
	}

	/**
	 * Returns the result keys and values describing this side.
	 * @param prefix prefix of each key, e.g. {@code template}
	 * @return alternating keys and values for {@link Report#result}
	 */
	public Object[] describe(String prefix) {
		return new Object[] { prefix + "Rps", Report.decimal(perSecond()), prefix + "P50us", Report.decimal(micros(50)),
				prefix + "P99us", Report.decimal(micros(99)), prefix + "CpuUs", Report.decimal(cpuMicrosPerRequest()),
				prefix + "Ok", this.succeeded, prefix + "Errors", this.failed };
	}

}
