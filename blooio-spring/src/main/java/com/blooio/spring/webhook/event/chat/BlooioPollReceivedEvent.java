package com.blooio.spring.webhook.event.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * Someone else created a poll in a chat you are in ({@code poll.received}).
 *
 * @since 0.1.0
 */
public class BlooioPollReceivedEvent extends BlooioPollEvent {

	/** The event name. */
	public static final String TYPE = "poll.received";

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
	public BlooioPollReceivedEvent(Object source, WebhookDelivery delivery, String json, @Nullable String chatId,
			@Nullable String sender, @Nullable String pollId, @Nullable String title, List<String> options) {
		super(source, TYPE, delivery, json, chatId, sender, pollId, title, options);
	}

}
