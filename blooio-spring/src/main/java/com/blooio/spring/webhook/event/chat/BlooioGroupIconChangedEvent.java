package com.blooio.spring.webhook.event.chat;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * A group chat's icon was changed or removed ({@code group.icon_changed});
 * {@link #getChatId()} is the group.
 *
 * @since 0.1.0
 */
public class BlooioGroupIconChangedEvent extends BlooioChatEvent {

	/** The event name. */
	public static final String TYPE = "group.icon_changed";

	private final @Nullable String iconUrl;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param chatId the group, or {@code null}
	 * @param sender who changed it, or {@code null}
	 * @param iconUrl where the new icon can be fetched, or {@code null}
	 */
	public BlooioGroupIconChangedEvent(Object source, WebhookDelivery delivery, String json, @Nullable String chatId,
			@Nullable String sender, @Nullable String iconUrl) {
		super(source, TYPE, delivery, json, chatId, sender);
		this.iconUrl = iconUrl;
	}

	/**
	 * Returns where the new icon can be fetched.
	 * @return the URL, or {@code null} (for example when the icon was removed)
	 */
	public @Nullable String getIconUrl() {
		return this.iconUrl;
	}

}
