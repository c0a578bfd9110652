package com.blooio.spring.test.simulator.internal.v4;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver an event to a subscription, as {@code GET
 * /webhooks/{id}/deliveries} lists it.
 *
 * @param sequence the recording order, larger for newer attempts
 * @param id the attempt's id, {@code wdel_...}
 * @param webhookId the subscription
 * @param eventId the event delivered
 * @param eventType the event's type
 * @param succeeded whether the receiver answered 2xx
 * @param attemptCount which attempt of this event to this subscription it was, from 1
 * @param responseStatus the receiver's status, or {@code null} if it could not be reached
 * @param attemptedAt when the attempt was made, epoch milliseconds
 * @param nextAttemptAt when the next attempt is due, or {@code null} if none follows
 * @param replayOf the delivery this attempt replays, or {@code null}
 */
record V4Delivery(long sequence, String id, String webhookId, String eventId, String eventType, boolean succeeded,
		int attemptCount, @Nullable Integer responseStatus, long attemptedAt, @Nullable Long nextAttemptAt,
		@Nullable String replayOf) {

	String status() {
		return this.succeeded ? "delivered" : "failed";
	}

}
