package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.internal.delivery.SigningKey;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * A webhook registered with the simulator: its settings, the signing key its deliveries
 * are signed with (replaced by a rotation, the old one invalid at once, as Blooio
 * documents) and its delivery log. Settings and log are guarded by
 * {@link SimulatorState}'s lock; the signing key is read by the delivery thread.
 */
final class WebhookSubscription {

	private static final Set<String> STATUS_EVENTS = Set.of("message.sent", "message.delivered", "message.failed",
			"message.read");

	final String id;

	final String url;

	final long createdAt;

	final AtomicInteger failureCount = new AtomicInteger();

	final AtomicLong lastTriggered = new AtomicLong(-1);

	/** Every delivery attempt to this subscription, oldest first. */
	final List<WebhookLogEntry> logs = new ArrayList<>();

	private volatile SigningKey signingKey;

	String type;

	/** Epoch milliseconds after which nothing is delivered, or -1 for never. */
	long validUntil = -1;

	@Nullable Long deprecatedAt;

	int rotationCount;

	@Nullable Long rotatedAt;

	WebhookSubscription(String id, String url, String type, String secret, long createdAt) {
		this.id = id;
		this.url = url;
		this.type = type;
		this.createdAt = createdAt;
		this.signingKey = new SigningKey(secret);
	}

	String secret() {
		return this.signingKey.secret();
	}

	WebhookSigner signer() {
		return this.signingKey.signer();
	}

	/**
	 * Replaces the signing secret; every delivery from now on, retries included, is
	 * signed with the new one. Call with the state's lock held.
	 */
	void rotate(String secret, long now) {
		this.signingKey = new SigningKey(secret);
		this.rotationCount++;
		this.rotatedAt = now;
	}

	boolean active(long now) {
		return this.deprecatedAt == null && (this.validUntil < 0 || this.validUntil > now);
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
