package com.blooio.spring.webhook.event.chat;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * A group chat was renamed ({@code group.name_changed}); {@link #getChatId()} is the
 * group.
 *
 * @since 0.1.0
 */
public class BlooioGroupNameChangedEvent extends BlooioChatEvent {

	/** The event name. */
	public static final String TYPE = "group.name_changed";

	private final @Nullable String groupName;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param chatId the group, or {@code null}
	 * @param sender who renamed it, or {@code null}
	 * @param groupName the new name, or {@code null}
	 */
	public BlooioGroupNameChangedEvent(Object source, WebhookDelivery delivery, String json, @Nullable String chatId,
			@Nullable String sender, @Nullable String groupName) {
		super(source, TYPE, delivery, json, chatId, sender);
		this.groupName = groupName;
	}

	/**
	 * Returns the group's new name.
	 * @return the name, or {@code null}
	 */
	public @Nullable String getGroupName() {
		return this.groupName;
	}

}
