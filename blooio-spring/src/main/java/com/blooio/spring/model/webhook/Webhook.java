package com.blooio.spring.model.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription.
 *
 * @param webhookId the webhook id
 * @param webhookUrl where events are delivered
 * @param webhookType which events are delivered, or {@code null}
 * @param scope {@code api_key}, {@code organization} or {@code integration}, or
 * {@code null}
 * @param apiKeyName the name of the API key it belongs to, or {@code null}
 * @param integrationName the name of the integration it belongs to, or {@code null}
 * @param createdAt when it was created, or {@code null}
 * @param deprecatedAt when delivery was paused, or {@code null}
 * @param validUntil expiry in epoch milliseconds, {@code -1} for never, or {@code null}
 * @param lastTriggered when an event was last delivered, or {@code null}
 * @param failureCount the number of failed deliveries, or {@code null}
 * @param isActive whether delivery is active (not deprecated), or {@code null}
 * @since 0.1.0
 */
public record Webhook(@Nullable String webhookId, @Nullable String webhookUrl, @Nullable WebhookType webhookType,
		@Nullable String scope, @Nullable String apiKeyName, @Nullable String integrationName,
		@Nullable Instant createdAt, @Nullable Instant deprecatedAt, @Nullable Long validUntil,
		@Nullable Instant lastTriggered, @Nullable Integer failureCount, @Nullable Boolean isActive) {

	/** {@link #validUntil()} of a webhook that never expires. */
	public static final long NEVER_EXPIRES = -1L;

}
