package com.blooio.spring.webhook.event.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * You created a poll in a chat ({@code poll.created}).
 *
 * @since 0.1.0
 */
public class BlooioPollCreatedEvent extends BlooioPollEvent {

	/** The event name. */
	public static final String TYPE = "poll.created";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param chatId the chat, or {@code null}
	 * @param sender who created the poll, or {@code null}
	 * @param pollId the poll, or {@code null}
	 * @param title the poll's question, or {@code null}
	 * @param options the poll's options, in order
	 */
	public BlooioPollCreatedEvent(Object source, WebhookDelivery delivery, String json, @Nullable String chatId,
			@Nullable String sender, @Nullable String pollId, @Nullable String title, List<String> options) {
		super(source, TYPE, delivery, json, chatId, sender, pollId, title, options);
	}

}
