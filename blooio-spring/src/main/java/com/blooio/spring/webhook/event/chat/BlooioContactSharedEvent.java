package com.blooio.spring.webhook.event.chat;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * A contact card was shared in a chat ({@code contact.shared}, v4 only). The card's or
 * the merge's details are in {@link #getJson()}.
 *
 * @since 0.1.0
 */
public class BlooioContactSharedEvent extends BlooioChatEvent {

	/** The event name. */
	public static final String TYPE = "contact.shared";

	private final @Nullable String contactId;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param chatId the chat, or {@code null}
	 * @param sender who caused it, or {@code null}
	 * @param contactId the contact, or {@code null}
	 */
	public BlooioContactSharedEvent(Object source, WebhookDelivery delivery, String json, @Nullable String chatId,
			@Nullable String sender, @Nullable String contactId) {
		super(source, TYPE, delivery, json, chatId, sender);
		this.contactId = contactId;
	}

	/**
	 * Returns the Blooio contact the event is about.
	 * @return the contact id, or {@code null}
	 */
	public @Nullable String getContactId() {
		return this.contactId;
	}

}
