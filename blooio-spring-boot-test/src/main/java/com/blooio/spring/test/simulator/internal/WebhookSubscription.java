package com.blooio.spring.test.simulator.internal;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * A webhook registered with the simulator, with the signer its deliveries are signed by.
 */
final class WebhookSubscription {

	private static final Set<String> STATUS_EVENTS = Set.of("message.sent", "message.delivered", "message.failed",
			"message.read");

	final String id;

	final String url;

	final String type;

	final String secret;

	final long createdAt;

	final WebhookSigner signer;

	final AtomicInteger failureCount = new AtomicInteger();

	final AtomicLong lastTriggered = new AtomicLong(-1);

	WebhookSubscription(String id, String url, String type, String secret, long createdAt) {
		this.id = id;
		this.url = url;
		this.type = type;
		this.secret = secret;
		this.createdAt = createdAt;
		this.signer = new WebhookSigner(secret);
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
