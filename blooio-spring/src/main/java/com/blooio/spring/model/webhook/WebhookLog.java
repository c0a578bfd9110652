package com.blooio.spring.model.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One delivery attempt of a webhook event.
 *
 * @param eventId the event id, or {@code null}
 * @param scope {@code api}, {@code integration} or {@code org}, or {@code null}
 * @param attemptedTime when delivery was attempted, or {@code null}
 * @param responseReceivedAt when the endpoint answered, or {@code null}
 * @param webhookUrl where it was delivered, or {@code null}
 * @param eventBody the delivered payload as JSON text, or {@code null}
 * @param responseStatus the endpoint's HTTP status, or {@code null}
 * @param responseJson the endpoint's answer as JSON text, or {@code null}
 * @param metadata facts about the delivery, or {@code null}
 * @since 0.1.0
 */
public record WebhookLog(@Nullable String eventId, @Nullable String scope, @Nullable Instant attemptedTime,
		@Nullable Instant responseReceivedAt, @Nullable String webhookUrl, @Nullable String eventBody,
		@Nullable Integer responseStatus, @Nullable String responseJson, @Nullable Metadata metadata) {

	/**
	 * Facts about one delivery.
	 *
	 * @param durationMs how long the delivery took, or {@code null}
	 * @param eventName the event name, e.g. {@code message.received}, or {@code null}
	 * @param isReplay whether this was a replay, or {@code null}
	 * @param messageId the message the event is about, or {@code null}
	 * @param organizationId the organization, or {@code null}
	 * @param originalEventId the replayed event (replays only), or {@code null}
	 */
	public record Metadata(@Nullable Long durationMs, @Nullable String eventName, @Nullable Boolean isReplay,
			@Nullable String messageId, @Nullable String organizationId, @Nullable String originalEventId) {

	}

}
