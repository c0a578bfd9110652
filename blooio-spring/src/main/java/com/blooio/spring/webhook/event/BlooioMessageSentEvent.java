package com.blooio.spring.webhook.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message you sent was handed to Apple or the carrier ({@code message.sent}).
 *
 * @since 0.1.0
 */
public class BlooioMessageSentEvent extends BlooioMessageEvent {

	/** The event name. */
	public static final String TYPE = "message.sent";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param message the message the event is about
	 */
	public BlooioMessageSentEvent(Object source, WebhookDelivery delivery, String json, WebhookMessage message) {
		super(source, TYPE, delivery, json, message);
	}

	/**
	 * Returns when the message was sent.
	 * @return the send time, or {@code null}
	 */
	public @Nullable Instant getSentAt() {
		return getMessage().sentAt();
	}

}
