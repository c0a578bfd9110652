package com.blooio.spring.test.simulator.internal.v4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What the v4 part remembers: subscriptions, the event feed and the delivery attempts.
 * Every method holds one lock; {@link #locked(Supplier)} runs several steps atomically.
 * One sequence numbers subscriptions, events and attempts, so "newest first" is a total,
 * repeatable order even for items recorded in the same millisecond.
 */
final class V4State {

	private final Map<String, V4Subscription> subscriptions = new LinkedHashMap<>();

	private final List<V4Event> events = new ArrayList<>();

	private final Map<String, V4Event> eventsById = new HashMap<>();

	private final List<V4Delivery> deliveries = new ArrayList<>();

	private long sequence;

	synchronized <T> T locked(Supplier<T> action) {
		return action.get();
	}

	synchronized long nextSequence() {
		return ++this.sequence;
	}

	synchronized void addSubscription(V4Subscription subscription) {
		this.subscriptions.put(subscription.id, subscription);
	}

	synchronized @Nullable V4Subscription subscription(String id) {
		return this.subscriptions.get(id);
	}

	synchronized boolean removeSubscription(String id) {
		return this.subscriptions.remove(id) != null;
	}

	synchronized List<V4Subscription> subscriptionsNewestFirst() {
		List<V4Subscription> all = new ArrayList<>(this.subscriptions.values());
		Collections.reverse(all);
		return all;
	}

	/**
	 * Records an event and returns the subscriptions that want it, as they are now.
	 */
	synchronized List<V4Subscription> record(V4Event event) {
		this.events.add(event);
		this.eventsById.put(event.id(), event);
		return this.subscriptions.values().stream().filter((subscription) -> subscription.wants(event.type())).toList();
	}

	synchronized @Nullable V4Event event(String id) {
		return this.eventsById.get(id);
	}

	synchronized List<V4Event> eventsNewestFirst(Predicate<V4Event> filter) {
		List<V4Event> matching = new ArrayList<>(this.events.stream().filter(filter).toList());
		Collections.reverse(matching);
		return matching;
	}

	synchronized void record(V4Delivery delivery) {
		this.deliveries.add(delivery);
	}

	synchronized @Nullable V4Delivery delivery(String webhookId, String id) {
		return this.deliveries.stream()
			.filter((delivery) -> delivery.webhookId().equals(webhookId) && delivery.id().equals(id))
			.findFirst()
			.orElse(null);
	}

	synchronized List<V4Delivery> deliveriesNewestFirst(String webhookId) {
		List<V4Delivery> matching = new ArrayList<>(
				this.deliveries.stream().filter((delivery) -> delivery.webhookId().equals(webhookId)).toList());
		Collections.reverse(matching);
		return matching;
	}

	synchronized void clear() {
		this.subscriptions.clear();
		this.events.clear();
		this.eventsById.clear();
		this.deliveries.clear();
	}

}
