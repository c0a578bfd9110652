package com.blooio.spring.test.simulator.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.internal.delivery.DeliveryResult;

/**
 * One logged delivery attempt of a webhook, as {@code GET /webhooks/{id}/logs} lists it.
 *
 * @param eventId the id of this attempt, {@code evt_...}
 * @param attemptedTime when the request was made, epoch milliseconds
 * @param webhookUrl the URL it was posted to
 * @param event the event type
 * @param messageId the message the event is about
 * @param payload the delivered body
 * @param result what the receiver answered
 * @param originalEventId the replayed event's id for a replay, else {@code null}
 */
record WebhookLogEntry(String eventId, long attemptedTime, String webhookUrl, String event, String messageId,
		Map<String, Object> payload, DeliveryResult result, @Nullable String originalEventId) {

	boolean replay() {
		return this.originalEventId != null;
	}

}
