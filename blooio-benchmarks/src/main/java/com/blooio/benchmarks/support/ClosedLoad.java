package com.blooio.benchmarks.support;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closed-loop load: a fixed number of callers, each sending its next request as soon as
 * the previous one completed, until the time is up.
 */
public final class ClosedLoad {

	private ClosedLoad() {
	}

	/**
	 * Returns the CPU time this JVM used so far, all its threads together.
	 * @return the CPU time in nanoseconds
	 */
	public static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * Runs one phase.
	 * @param call makes one request; completes empty or with a value on success, with an
	 * error on failure
	 * @param concurrency the number of callers
	 * @param duration how long callers start new requests
	 * @param cpuClock CPU time used so far, in nanoseconds, by the process whose cost per
	 * request is of interest; read before and after the phase
	 * @return what happened
	 */
	public static Phase run(Supplier<Mono<?>> call, int concurrency, Duration duration, LongSupplier cpuClock) {
		LatencyHistogram latencies = new LatencyHistogram();
		AtomicLong errors = new AtomicLong();
		long cpuStart = cpuClock.getAsLong();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Flux.range(0, concurrency)
			.flatMap((caller) -> caller(call, deadline, latencies, errors), concurrency)
			.blockLast(duration.plusMinutes(2));
		long elapsed = System.nanoTime() - start;
		long cpu = cpuClock.getAsLong() - cpuStart;
		return new Phase(latencies.count(), errors.get(), elapsed, cpu, latencies);
	}

	private static Mono<Void> caller(Supplier<Mono<?>> call, long deadline, LatencyHistogram latencies,
			AtomicLong errors) {
		return Mono.defer(() -> {
			long sent = System.nanoTime();
			return call.get().doOnSuccess((ignored) -> latencies.record(System.nanoTime() - sent)).then();
		}).onErrorResume((ex) -> {
			if (errors.getAndIncrement() == 0) {
				System.err.println("First failed request: " + ex);
			}
			return Mono.empty();
		}).repeat(() -> System.nanoTime() < deadline).then();
	}

	/**
	 * The outcome of a phase.
	 *
	 * @param succeeded requests that succeeded
	 * @param failed requests that failed
	 * @param elapsedNanos wall time until the last request completed
	 * @param cpuNanos CPU time the measured process used meanwhile
	 * @param latencies latencies of the successful requests
	 */
	public record Phase(long succeeded, long failed, long elapsedNanos, long cpuNanos, LatencyHistogram latencies) {

		/**
		 * Returns successful requests per second.
		 * @return the throughput
		 */
		public double perSecond() {
			return this.succeeded * 1e9 / this.elapsedNanos;
		}

	}

}
