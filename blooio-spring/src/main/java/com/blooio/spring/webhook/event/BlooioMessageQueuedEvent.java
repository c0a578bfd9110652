package com.blooio.spring.webhook.event;

/**
 * Blooio accepted a message you sent and queued it for sending ({@code message.queued},
 * v4 only).
 *
 * @since 0.1.0
 */
public class BlooioMessageQueuedEvent extends BlooioMessageEvent {

	/** The event name. */
	public static final String TYPE = "message.queued";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param message the message the event is about
	 */
	public BlooioMessageQueuedEvent(Object source, WebhookDelivery delivery, String json, WebhookMessage message) {
		super(source, TYPE, delivery, json, message);
	}

}
