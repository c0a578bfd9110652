package com.blooio.spring.webhook.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.model.message.ReplyTo;

/**
 * A contact sent a message to one of your numbers ({@code message.received}). Reply with
 * {@code blooio.send(event.getChatId(), ...)}: for groups that is the group id.
 *
 * @since 0.1.0
 */
public class BlooioMessageReceivedEvent extends BlooioMessageEvent {

	/** The event name. */
	public static final String TYPE = "message.received";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param message the message the event is about
	 */
	public BlooioMessageReceivedEvent(Object source, WebhookDelivery delivery, String json, WebhookMessage message) {
		super(source, TYPE, delivery, json, message);
	}

	/**
	 * Returns when the message arrived.
	 * @return the receive time, or {@code null}
	 */
	public @Nullable Instant getReceivedAt() {
		return getMessage().receivedAt();
	}

	/**
	 * Returns the message this one replies to inline.
	 * @return the reply target, or {@code null}
	 */
	public @Nullable ReplyTo getReplyTo() {
		return getMessage().replyTo();
	}

}
