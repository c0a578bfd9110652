package com.blooio.spring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link WebhookDeduplicationStore} in this JVM's memory, bounded in size and time: an
 * entry expires after the window, and beyond the maximum size the oldest entries are
 * dropped first (even one still being handled, so size it well above the deliveries in
 * flight). Suits a single instance; several instances need a shared store.
 */
public final class InMemoryWebhookDeduplicationStore implements WebhookDeduplicationStore {

	private final Map<String, Entry> entries = new LinkedHashMap<>();

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
		synchronized (this.entries) {
			Entry existing = this.entries.get(key);
			if (existing != null && existing.expiresAt.isAfter(now)) {
				return existing.completed ? Claim.COMPLETED : Claim.IN_PROGRESS;
			}
			this.entries.remove(key);
			evict(now);
			this.entries.put(key, new Entry(false, now.plus(this.window)));
			return Claim.CLAIMED;
		}
	}

	@Override
	public void complete(String key) {
		Instant now = this.clock.instant();
		synchronized (this.entries) {
			if (this.entries.containsKey(key)) {
				this.entries.put(key, new Entry(true, now.plus(this.window)));
			}
		}
	}

	@Override
	public void release(String key) {
		synchronized (this.entries) {
			this.entries.remove(key);
		}
	}

	/**
	 * Returns how many keys are remembered.
	 * @return the number of entries, expired ones included until evicted
	 */
	public int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	/**
	 * Drops expired entries from the oldest end, then the oldest entries beyond the
	 * maximum size (making room for one more).
	 */
	private void evict(Instant now) {
		Iterator<Entry> oldestFirst = this.entries.values().iterator();
		while (oldestFirst.hasNext()) {
			Entry entry = oldestFirst.next();
			if (entry.expiresAt.isAfter(now) && this.entries.size() < this.maxEntries) {
				break;
			}
			oldestFirst.remove();
		}
	}

	private record Entry(boolean completed, Instant expiresAt) {

	}

}
