package com.blooio.spring.test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook registered with the simulator.
 */
final class WebhookSubscription {

	private static final java.util.Set<String> STATUS_EVENTS = java.util.Set.of("message.sent", "message.delivered",
			"message.failed", "message.read");

	final String id;

	final String url;

	final String type;

	final String secret;

	final long createdAt;

	final AtomicInteger failureCount = new AtomicInteger();

	final AtomicLong lastTriggered = new AtomicLong(-1);

	WebhookSubscription(String id, String url, String type, String secret, long createdAt) {
		this.id = id;
		this.url = url;
		this.type = type;
		this.secret = secret;
		this.createdAt = createdAt;
	}

	/**
	 * Returns whether this subscription's {@code webhook_type} covers an event:
	 * {@code all} everything, {@code message} every message event, {@code status} only
	 * outbound status changes.
	 */
	boolean wants(String event) {
		return switch (this.type) {
			case "status" -> STATUS_EVENTS.contains(event);
			case "message" -> event.startsWith("message.");
			default -> true;
		};
	}

}
