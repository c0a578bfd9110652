package com.blooio.spring.model.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to creating a webhook subscription.
 * <p>
 * A new subscription (HTTP 201) carries its signing secret, which Blooio shows only this
 * once: store it (e.g. as {@code blooio.webhook.secret}) right away. When the URL was
 * already registered (HTTP 200) {@link #alreadyExisted()} is {@code true} and there is no
 * secret. {@link #toString()} never prints the secret.
 *
 * @param webhookId the webhook id, or {@code null}
 * @param url where events are delivered, or {@code null}
 * @param type which events are delivered, or {@code null} (Blooio omits it when the URL
 * already existed)
 * @param scope {@code api_key} or {@code organization}, or {@code null}
 * @param createdAt when it was created, or {@code null}
 * @param signingSecret the signing secret (new subscriptions only), or {@code null}
 * @param alreadyExisted whether the URL was already registered (HTTP 200)
 * @param message Blooio's note, or {@code null}
 * @since 0.1.0
 */
public record WebhookCreated(@Nullable String webhookId, @Nullable String url, @Nullable WebhookType type,
		@Nullable String scope, @Nullable Instant createdAt, @Nullable String signingSecret, boolean alreadyExisted,
		@Nullable String message) {

	@Override
	public String toString() {
		return "WebhookCreated{webhookId=" + this.webhookId + ", url=" + this.url + ", type=" + this.type + ", scope="
				+ this.scope + ", createdAt=" + this.createdAt + ", signingSecret="
				+ ((this.signingSecret != null) ? "[REDACTED]" : null) + ", alreadyExisted=" + this.alreadyExisted
				+ ", message=" + this.message + "}";
	}

}
