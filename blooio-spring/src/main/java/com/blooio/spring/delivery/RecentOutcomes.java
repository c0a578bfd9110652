package com.blooio.spring.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Final statuses reported by webhooks, bounded in number and age, so that a {@code track}
 * call made after the webhook arrived (a fast delivery) still sees it. The first final
 * status reported for a message is kept; later ones (a read after a delivery) do not
 * replace it.
 */
final class RecentOutcomes {

	private final int maxEntries;

	private final long retentionNanos;

	private final LongSupplier nanoTime;

	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

	RecentOutcomes(int maxEntries, Duration retention, LongSupplier nanoTime) {
		this.maxEntries = maxEntries;
		this.retentionNanos = retention.toNanos();
		this.nanoTime = nanoTime;
	}

	synchronized void remember(DeliveryOutcome outcome) {
		if (this.maxEntries == 0) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		Entry existing = this.entries.get(outcome.messageId());
		if (existing != null && !existing.expired(now)) {
			return;
		}
		this.entries.remove(outcome.messageId());
		this.entries.put(outcome.messageId(), new Entry(outcome, now + this.retentionNanos));
		evict(now);
	}

	synchronized @Nullable DeliveryOutcome get(String messageId) {
		Entry entry = this.entries.get(messageId);
		if (entry == null) {
			return null;
		}
		if (entry.expired(this.nanoTime.getAsLong())) {
			this.entries.remove(messageId);
			return null;
		}
		return entry.outcome;
	}

	synchronized int size() {
		return this.entries.size();
	}

	private void evict(long now) {
		var iterator = this.entries.entrySet().iterator();
		while (iterator.hasNext()) {
			Map.Entry<String, Entry> eldest = iterator.next();
			if (this.entries.size() <= this.maxEntries && !eldest.getValue().expired(now)) {
				return;
			}
			iterator.remove();
		}
	}

	private record Entry(DeliveryOutcome outcome, long expiresAt) {

		boolean expired(long now) {
			return now - this.expiresAt >= 0;
		}

	}

}
