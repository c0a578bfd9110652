package com.blooio.spring.webhook.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a webhook event arrived: what the headers and envelope said about the delivery
 * itself.
 *
 * @param eventId the event's own id ({@code evt_...} in a v4 envelope), or {@code null}
 * for v2 deliveries, which carry none
 * @param replay whether this is a deliberate replay ({@code X-Blooio-Replay: true})
 * @param originalEventId the replayed event's id ({@code X-Original-Event-Id}), or
 * {@code null}
 * @param signedAt the signature timestamp, or {@code null} when unsigned deliveries are
 * allowed and this one was not signed
 * @param createdAt when Blooio created the event (v4 {@code created_at}), or {@code null}
 * @since 0.1.0
 */
public record WebhookDelivery(@Nullable String eventId, boolean replay, @Nullable String originalEventId,
		@Nullable Instant signedAt, @Nullable Instant createdAt) {

}
