package com.blooio.spring.webhook.event;

import org.jspecify.annotations.Nullable;

/**
 * A message you sent could not be delivered ({@code message.failed}).
 *
 * @since 0.1.0
 */
public class BlooioMessageFailedEvent extends BlooioMessageEvent {

	/** The event name. */
	public static final String TYPE = "message.failed";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param message the message the event is about
	 */
	public BlooioMessageFailedEvent(Object source, WebhookDelivery delivery, String json, WebhookMessage message) {
		super(source, TYPE, delivery, json, message);
	}

	/**
	 * Returns why the message failed, as a code.
	 * @return the error code, or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return getMessage().errorCode();
	}

	/**
	 * Returns why the message failed, in words.
	 * @return the error message, or {@code null}
	 */
	public @Nullable String getErrorMessage() {
		return getMessage().errorMessage();
	}

}
