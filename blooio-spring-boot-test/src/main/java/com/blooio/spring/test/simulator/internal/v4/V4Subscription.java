package com.blooio.spring.test.simulator.internal.v4;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.internal.delivery.SigningKey;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * A v4 webhook subscription. Its settings are guarded by {@link V4State}'s lock; the
 * delivery thread reads URL and signing key without it. A rotation replaces the key at
 * once: every delivery after it, retries and replays included, is signed with the new
 * secret only.
 */
final class V4Subscription {

	final long sequence;

	final String id;

	final long createdAt;

	final @Nullable String channelId;

	final @Nullable String channelType;

	volatile String url;

	List<String> eventTypes;

	boolean active = true;

	private volatile SigningKey signingKey;

	V4Subscription(long sequence, String id, String url, List<String> eventTypes, @Nullable String channelId,
			@Nullable String channelType, String secret, long createdAt) {
		this.sequence = sequence;
		this.id = id;
		this.url = url;
		this.eventTypes = eventTypes;
		this.channelId = channelId;
		this.channelType = channelType;
		this.signingKey = new SigningKey(secret);
		this.createdAt = createdAt;
	}

	String secret() {
		return this.signingKey.secret();
	}

	WebhookSigner signer() {
		return this.signingKey.signer();
	}

	void rotate(String secret) {
		this.signingKey = new SigningKey(secret);
	}

	boolean wants(String type) {
		return this.active && EventTypes.matches(this.eventTypes, type);
	}

	@Override
	public String toString() {
		return "V4Subscription{id=" + this.id + ", url=" + this.url + "}";
	}

}
