package com.blooio.spring.webhook.deduplication;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link WebhookDeduplicationStore} in this JVM's memory, bounded in size: a claim
 * lives as long as its lease, a completed key as long as the retention window. Suits a
 * single instance; several instances, or one that restarts, need a shared store.
 * <p>
 * Beyond the maximum size the oldest keys are dropped first, even before their time is up
 * (a redelivery of such a key would be published again): each such drop is counted
 * ({@link #getEarlyEvictions()}) and the first one logged at WARN. Size the store well
 * above the deliveries of one retention window. While keys are being claimed concurrently
 * the size may exceed the maximum by at most their number.
 * <p>
 * The newest keys are the ones whose redeliveries are due, so they are the ones kept.
 * That is why this is not a Caffeine cache: when full, Caffeine's frequency-based
 * admission drops most new keys and keeps old ones. Claims of different keys do not wait
 * for each other: with one lock around the whole store, request threads queued behind it
 * whenever its holder was descheduled (see BENCHMARKS.md).
 *
 * @since 0.1.0
 */
public final class InMemoryWebhookDeduplicationStore implements WebhookDeduplicationStore {

	private static final Log logger = LogFactory.getLog(InMemoryWebhookDeduplicationStore.class);

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Entries in the order they were written, oldest first. Also holds entries since
	 * released or replaced; eviction skips those.
	 */
	private final Queue<Entry> writeOrder = new ConcurrentLinkedQueue<>();

	private final ReentrantLock eviction = new ReentrantLock();

	private final int maxEntries;

	private final long retentionMillis;

	private final Clock clock;

	private final AtomicLong owners = new AtomicLong();

	private final LongAdder earlyEvictions = new LongAdder();

	private final AtomicBoolean earlyEvictionLogged = new AtomicBoolean();

	/**
	 * Creates a store.
	 * @param maxEntries the most keys kept at once
	 * @param retention how long a handled key is remembered
	 */
	public InMemoryWebhookDeduplicationStore(int maxEntries, Duration retention) {
		this(maxEntries, retention, Clock.systemUTC());
	}

	/**
	 * Creates a store.
	 * @param maxEntries the most keys kept at once
	 * @param retention how long a handled key is remembered
	 * @param clock the clock deciding when leases and retention end
	 */
	public InMemoryWebhookDeduplicationStore(int maxEntries, Duration retention, Clock clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1");
		}
		if (retention == null || retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("retention must be positive");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock must not be null");
		}
		this.maxEntries = maxEntries;
		this.retentionMillis = retention.toMillis();
		this.clock = clock;
	}

	@Override
	public Claim claim(String key, Duration lease) {
		long now = this.clock.millis();
		Entry claimed = new Entry(key, Long.toString(this.owners.incrementAndGet()), false, now + lease.toMillis());
		Entry current = this.entries.compute(key,
				(candidate, existing) -> (existing != null && existing.isLiveAt(now)) ? existing : claimed);
		if (current != claimed) {
			return current.completed() ? Claim.COMPLETED : Claim.IN_PROGRESS;
		}
		written(claimed, now);
		return Claim.claimed(claimed.owner());
	}

	/**
	 * Returns {@code true}: a claim is a map update in this JVM.
	 */
	@Override
	public boolean claimsWithoutBlocking() {
		return true;
	}

	@Override
	public boolean complete(String key, String owner) {
		long now = this.clock.millis();
		Entry completed = new Entry(key, owner, true, now + this.retentionMillis);
		// recorded unless another owner has claimed the key since: this owner's lease,
		// even
		// expired, still counts as long as nobody took the key over
		Entry current = this.entries
			.compute(key,
					(candidate,
							existing) -> (existing == null || !existing.isLiveAt(now)
									|| (!existing.completed() && owner.equals(existing.owner()))) ? completed
											: existing);
		if (current != completed) {
			return false;
		}
		written(completed, now);
		return true;
	}

	@Override
	public boolean release(String key, String owner) {
		boolean[] released = new boolean[1];
		this.entries.computeIfPresent(key, (candidate, existing) -> {
			released[0] = !existing.completed() && owner.equals(existing.owner());
			return released[0] ? null : existing;
		});
		return released[0];
	}

	/**
	 * Returns how many keys are held.
	 * @return the number of keys, expired ones included until they are dropped
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * Returns how many keys were dropped for lack of room before their lease or retention
	 * window ended.
	 * @return the number of early evictions since the store was created
	 */
	public long getEarlyEvictions() {
		return this.earlyEvictions.sum();
	}

	private void written(Entry entry, long now) {
		this.writeOrder.add(entry);
		evict(now);
	}

	/**
	 * Drops expired entries from the oldest end, then the oldest entries beyond the
	 * maximum size. One thread evicts at a time; the others go on, since it checks the
	 * size again before it stops.
	 */
	private void evict(long now) {
		if (!this.eviction.tryLock()) {
			return;
		}
		try {
			Entry oldest;
			while ((oldest = this.writeOrder.peek()) != null) {
				boolean current = this.entries.get(oldest.key()) == oldest;
				boolean live = oldest.isLiveAt(now);
				if (current && live && this.entries.size() <= this.maxEntries) {
					break;
				}
				this.writeOrder.poll();
				if (current && this.entries.remove(oldest.key(), oldest) && live) {
					evictedEarly();
				}
			}
		}
		finally {
			this.eviction.unlock();
		}
	}

	private void evictedEarly() {
		this.earlyEvictions.increment();
		if (this.earlyEvictionLogged.compareAndSet(false, true)) {
			logger.warn("The in-memory Blooio webhook de-duplication store is full (" + this.maxEntries
					+ " keys) and dropped a key before its time was up: a redelivery of it would be published"
					+ " again. Raise blooio.webhook.deduplication.memory.max-entries, or share a redis or jdbc"
					+ " store (blooio.webhook.deduplication.store). Logged once; the"
					+ " blooio.webhook.deduplication.early.evictions metric counts them.");
		}
	}

	/**
	 * One key: a lease held by its owner, or a completed delivery. Immutable; a key's
	 * entry is replaced only inside the map's atomic updates of that key.
	 */
	private record Entry(String key, String owner, boolean completed, long expiresAtMillis) {

		boolean isLiveAt(long nowMillis) {
			return this.expiresAtMillis > nowMillis;
		}

	}

}
