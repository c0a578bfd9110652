package com.blooio.spring.webhook.deduplication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link WebhookDeduplicationStore} in this JVM's memory, bounded in size and time: an
 * entry expires after the window, and beyond the maximum size the oldest entries are
 * dropped first (even one still being handled, so size it well above the deliveries in
 * flight). While deliveries are being claimed concurrently the size may exceed the
 * maximum by at most their number. Suits a single instance; several instances need a
 * shared store.
 * <p>
 * Claims of different keys do not wait for each other: with one lock around the whole
 * store, request threads queued behind it whenever its holder was descheduled, which cost
 * more than the rest of the delivery pipeline (see BENCHMARKS.md).
 *
 * @since 0.1.0
 */
public final class InMemoryWebhookDeduplicationStore implements WebhookDeduplicationStore {

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Claimed entries, oldest first. Also holds entries since released or replaced by a
	 * new claim of their key; eviction skips those.
	 */
	private final Queue<Entry> claimOrder = new ConcurrentLinkedQueue<>();

	private final ReentrantLock eviction = new ReentrantLock();

	private final int maxEntries;

	private final Duration window;

	private final Clock clock;

	/**
	 * Creates a store.
	 * @param maxEntries the most keys kept at once
	 * @param window how long a key is remembered
	 */
	public InMemoryWebhookDeduplicationStore(int maxEntries, Duration window) {
		this(maxEntries, window, Clock.systemUTC());
	}

	/**
	 * Creates a store.
	 * @param maxEntries the most keys kept at once
	 * @param window how long a key is remembered
	 * @param clock the clock deciding expiry
	 */
	public InMemoryWebhookDeduplicationStore(int maxEntries, Duration window, Clock clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1");
		}
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive");
		}
		this.maxEntries = maxEntries;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public Claim claim(String key) {
		Instant now = this.clock.instant();
		Entry claimed = new Entry(key, now.plus(this.window));
		Entry current = this.entries.compute(key,
				(candidate, existing) -> (existing != null && existing.isLiveAt(now)) ? existing : claimed);
		if (current != claimed) {
			return current.isCompleted() ? Claim.COMPLETED : Claim.IN_PROGRESS;
		}
		this.claimOrder.add(claimed);
		evict(now);
		return Claim.CLAIMED;
	}

	@Override
	public void complete(String key) {
		Instant expiresAt = this.clock.instant().plus(this.window);
		this.entries.computeIfPresent(key, (candidate, entry) -> entry.complete(expiresAt));
	}

	@Override
	public void release(String key) {
		this.entries.remove(key);
	}

	/**
	 * Returns how many keys are remembered.
	 * @return the number of entries, expired ones included until evicted
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * Drops expired entries from the oldest end, then the oldest entries beyond the
	 * maximum size. One thread evicts at a time; the others go on, since it checks the
	 * size again before it stops.
	 */
	private void evict(Instant now) {
		if (!this.eviction.tryLock()) {
			return;
		}
		try {
			Entry oldest;
			while ((oldest = this.claimOrder.peek()) != null) {
				boolean current = this.entries.get(oldest.key) == oldest;
				if (current && oldest.isLiveAt(now) && this.entries.size() <= this.maxEntries) {
					break;
				}
				this.claimOrder.poll();
				if (current) {
					this.entries.remove(oldest.key, oldest);
				}
			}
		}
		finally {
			this.eviction.unlock();
		}
	}

	/**
	 * One claimed key. Changed only inside the map's atomic updates of its key; read
	 * outside them by eviction, hence volatile.
	 */
	private static final class Entry {

		final String key;

		private volatile Instant expiresAt;

		private volatile boolean completed;

		Entry(String key, Instant expiresAt) {
			this.key = key;
			this.expiresAt = expiresAt;
		}

		boolean isLiveAt(Instant now) {
			return this.expiresAt.isAfter(now);
		}

		boolean isCompleted() {
			return this.completed;
		}

		Entry complete(Instant expiresAt) {
			this.expiresAt = expiresAt;
			this.completed = true;
			return this;
		}

	}

}
