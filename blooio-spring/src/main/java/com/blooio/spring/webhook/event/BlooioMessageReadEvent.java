package com.blooio.spring.webhook.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message you sent was read ({@code message.read}).
 *
 * @since 0.1.0
 */
public class BlooioMessageReadEvent extends BlooioMessageEvent {

	/** The event name. */
	public static final String TYPE = "message.read";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param message the message the event is about
	 */
	public BlooioMessageReadEvent(Object source, WebhookDelivery delivery, String json, WebhookMessage message) {
		super(source, TYPE, delivery, json, message);
	}

	/**
	 * Returns when the message was read.
	 * @return the read time, or {@code null}
	 */
	public @Nullable Instant getReadAt() {
		return getMessage().readAt();
	}

}
