package com.blooio.spring.model.v4;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One event's delivery to a v4 subscription, with its attempts so far.
 *
 * @param id the delivery id ({@code wdel_...}), which a replay names
 * @param webhookId the subscription, or {@code null}
 * @param eventId the event ({@code evt_...}), or {@code null}
 * @param eventType the event type, or {@code null}
 * @param status the delivery's state as Blooio words it, or {@code null}
 * @param attemptCount attempts made, or {@code null}
 * @param responseStatus the HTTP status of the last answer, or {@code null}
 * @param lastAttemptAt when it was last tried, or {@code null}
 * @param nextAttemptAt when it will be tried again, or {@code null}
 * @param createdAt when the delivery was created, or {@code null}
 * @since 0.1.0
 */
public record DeliveryAttempt(String id, @Nullable String webhookId, @Nullable String eventId,
		@Nullable String eventType, @Nullable String status, @Nullable Integer attemptCount,
		@Nullable Integer responseStatus, @Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt,
		@Nullable Instant createdAt) {

}
