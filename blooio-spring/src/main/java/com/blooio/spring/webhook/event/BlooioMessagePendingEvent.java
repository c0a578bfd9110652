package com.blooio.spring.webhook.event;

/**
 * A message you sent is waiting for a sending device ({@code message.pending}, v4 only).
 *
 * @since 0.1.0
 */
public class BlooioMessagePendingEvent extends BlooioMessageEvent {

	/** The event name. */
	public static final String TYPE = "message.pending";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param message the message the event is about
	 */
	public BlooioMessagePendingEvent(Object source, WebhookDelivery delivery, String json, WebhookMessage message) {
		super(source, TYPE, delivery, json, message);
	}

}
