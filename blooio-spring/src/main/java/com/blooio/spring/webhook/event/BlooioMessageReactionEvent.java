package com.blooio.spring.webhook.event;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.model.message.Direction;

/**
 * A reaction was added to or removed from a message ({@code message.reaction});
 * {@link #getMessageId()} is the message reacted to.
 *
 * @since 0.1.0
 */
public class BlooioMessageReactionEvent extends BlooioMessageEvent {

	/** The event name. */
	public static final String TYPE = "message.reaction";

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param message the message the event is about
	 */
	public BlooioMessageReactionEvent(Object source, WebhookDelivery delivery, String json, WebhookMessage message) {
		super(source, TYPE, delivery, json, message);
	}

	/**
	 * Returns the tapback name or emoji.
	 * @return the reaction, or {@code null}
	 */
	public @Nullable String getReaction() {
		return getMessage().reaction();
	}

	/**
	 * Returns whether the reaction was added (rather than removed).
	 * @return {@code true} unless the action is {@code remove}
	 */
	public boolean isAdded() {
		return !"remove".equals(getMessage().reactionAction());
	}

	/**
	 * Returns whether a contact reacted (inbound) or you did (outbound).
	 * @return the direction, or {@code null}
	 */
	public @Nullable Direction getDirection() {
		return getMessage().direction();
	}

}
