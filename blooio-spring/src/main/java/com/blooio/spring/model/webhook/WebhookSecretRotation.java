package com.blooio.spring.model.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to rotating a webhook's signing secret. The old secret stops working
 * immediately; there is no overlap window. {@link #toString()} never prints the secret.
 *
 * @param webhookId the webhook id, or {@code null}
 * @param signingSecret the new signing secret, or {@code null}
 * @param rotatedAt when it was rotated, or {@code null}
 * @param rotatedBy who rotated it, or {@code null}
 * @param rotationCount how often it has been rotated, or {@code null}
 * @since 0.1.0
 */
public record WebhookSecretRotation(@Nullable String webhookId, @Nullable String signingSecret,
		@Nullable Instant rotatedAt, @Nullable String rotatedBy, @Nullable Integer rotationCount) {

	@Override
	public String toString() {
		return "WebhookSecretRotation{webhookId=" + this.webhookId + ", signingSecret="
				+ ((this.signingSecret != null) ? "[REDACTED]" : null) + ", rotatedAt=" + this.rotatedAt
				+ ", rotatedBy=" + this.rotatedBy + ", rotationCount=" + this.rotationCount + "}";
	}

}
