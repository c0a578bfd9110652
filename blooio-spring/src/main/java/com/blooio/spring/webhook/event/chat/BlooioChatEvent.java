package com.blooio.spring.webhook.event.chat;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * Base class of the events about a chat that are not about one message: typing, group
 * changes, contacts and polls. Listen for it to see all of them; fields Blooio sends that
 * these classes do not model are in {@link #getJson()}.
 *
 * @since 0.1.0
 */
public abstract class BlooioChatEvent extends BlooioEvent {

	private final @Nullable String chatId;

	private final @Nullable String sender;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param eventType the event name
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param chatId the chat, or {@code null} when the event names none
	 * @param sender who caused the event, or {@code null} when the event names nobody
	 */
	protected BlooioChatEvent(Object source, String eventType, WebhookDelivery delivery, String json,
			@Nullable String chatId, @Nullable String sender) {
		super(source, eventType, delivery, json);
		this.chatId = chatId;
		this.sender = sender;
	}

	/**
	 * Returns the chat the event happened in: a phone number, an email address or a group
	 * id.
	 * @return the chat id, or {@code null}
	 */
	public @Nullable String getChatId() {
		return this.chatId;
	}

	/**
	 * Returns who caused the event (the typing contact, the one who renamed the group,
	 * voted or shared a contact).
	 * @return the sender's phone number or email, or {@code null}
	 */
	public @Nullable String getSender() {
		return this.sender;
	}

}
