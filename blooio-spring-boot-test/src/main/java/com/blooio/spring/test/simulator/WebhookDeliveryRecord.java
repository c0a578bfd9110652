package com.blooio.spring.test.simulator;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of the simulator to deliver a webhook.
 *
 * @param url the subscription's URL
 * @param event the event type, e.g. {@code message.delivered}
 * @param messageId the message the event is about, or {@code null} for a v4 event about
 * no message (a safety event)
 * @param status the HTTP status the receiver answered, or {@code -1} when it could not be
 * reached
 * @param attempt the attempt number, starting at 1
 * @since 0.1.0
 */
public record WebhookDeliveryRecord(String url, String event, @Nullable String messageId, int status, int attempt) {

	/**
	 * Returns whether the receiver answered with a 2xx status.
	 * @return {@code true} if the attempt succeeded
	 */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

}
