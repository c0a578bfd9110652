package com.blooio.benchmarks.micro;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;

/**
 * {@link InMemoryWebhookDeduplicationStore} at its default size (10 000 entries, full in
 * the steady state, so every claim also evicts the oldest entry): claim and complete of a
 * new key, by one thread and by four threads contending for the store.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DeduplicationStoreBenchmarks {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private InMemoryWebhookDeduplicationStore store;

	@Setup
	public void setUp() {
		this.store = new InMemoryWebhookDeduplicationStore(10_000, Duration.ofHours(24));
	}

	@Benchmark
	@Threads(1)
	public Claim claimAndComplete(Keys keys) {
		return claimAndComplete(keys.next());
	}

	@Benchmark
	@Threads(4)
	public Claim claimAndCompleteContended(Keys keys) {
		return claimAndComplete(keys.next());
	}

	private Claim claimAndComplete(String key) {
		Claim claim = this.store.claim(key, LEASE);
		this.store.complete(key, claim.owner());
		return claim;
	}

	/**
	 * Keys of one thread, made up front so the measurement holds no string building; more
	 * than the store keeps, so a key is always new again when it comes round.
	 */
	@State(Scope.Thread)
	public static class Keys {

		private static final AtomicInteger THREADS = new AtomicInteger();

		private final String[] keys = new String[1 << 16];

		private int next;

		@Setup
		public void setUp() {
			int thread = THREADS.incrementAndGet();
			for (int i = 0; i < this.keys.length; i++) {
				this.keys[i] = "message.received|bench-" + thread + "-" + i;
			}
		}

		String next() {
			String key = this.keys[this.next];
			this.next = (this.next + 1) & (this.keys.length - 1);
			return key;
		}

	}

}
