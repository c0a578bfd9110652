package com.blooio.spring.webhook.event.chat;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * A contact stopped typing in a chat ({@code typing.stopped}, v4 only).
 *
 * @since 0.1.0
 */
public class BlooioTypingStoppedEvent extends BlooioChatEvent {

	/** The event name. */
	public static final String TYPE = "typing.stopped";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param chatId the chat, or {@code null}
	 * @param sender the contact, or {@code null}
	 */
	public BlooioTypingStoppedEvent(Object source, WebhookDelivery delivery, String json, @Nullable String chatId,
			@Nullable String sender) {
		super(source, TYPE, delivery, json, chatId, sender);
	}

}
