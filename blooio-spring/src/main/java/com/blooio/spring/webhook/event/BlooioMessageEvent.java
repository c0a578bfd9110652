package com.blooio.spring.webhook.event;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.model.message.Attachment;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.Protocol;

/**
 * Base class of the message events ({@code message.*}). Listen for it to see every
 * message event; the getters cover what most handlers need, {@link #getMessage()} has
 * every field.
 *
 * @since 0.1.0
 */
public abstract class BlooioMessageEvent extends BlooioEvent {

	private final WebhookMessage message;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param eventType the event name
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param message the message the event is about
	 */
	protected BlooioMessageEvent(Object source, String eventType, WebhookDelivery delivery, String json,
			WebhookMessage message) {
		super(source, eventType, delivery, json);
		this.message = message;
	}

	/**
	 * Returns every field of the message the event is about.
	 * @return the message
	 */
	public WebhookMessage getMessage() {
		return this.message;
	}

	/**
	 * Returns the Blooio message id.
	 * @return the message id, or {@code null}
	 */
	public @Nullable String getMessageId() {
		return this.message.messageId();
	}

	/**
	 * Returns the chat to reply into: the group id for group chats, else the counterpart.
	 * @return the chat id, or {@code null}
	 */
	public @Nullable String getChatId() {
		return this.message.chatId();
	}

	/**
	 * Returns who sent an inbound message.
	 * @return the sender's phone or email, or {@code null}
	 */
	public @Nullable String getSender() {
		return this.message.sender();
	}

	/**
	 * Returns the text.
	 * @return the text, or {@code null}
	 */
	public @Nullable String getText() {
		return this.message.text();
	}

	/**
	 * Returns the attachments.
	 * @return the attachments, never {@code null}
	 */
	public List<Attachment> getAttachments() {
		return this.message.attachments();
	}

	/**
	 * Returns whether the chat is a group.
	 * @return {@code true} for a group
	 */
	public boolean isGroup() {
		return this.message.group();
	}

	/**
	 * Returns the status the event reports.
	 * @return the status, or {@code null}
	 */
	public @Nullable DeliveryStatus getStatus() {
		return this.message.status();
	}

	/**
	 * Returns the service the message used.
	 * @return the protocol, or {@code null}
	 */
	public @Nullable Protocol getProtocol() {
		return this.message.protocol();
	}

	/**
	 * Returns when Blooio emitted the event ({@link #getTimestamp()} is when it was
	 * published in this application).
	 * @return the Blooio timestamp, or {@code null}
	 */
	public @Nullable Instant getEventTime() {
		return this.message.timestamp();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "{eventType=" + getEventType() + ", messageId=" + getMessageId()
				+ ", delivery=" + getDelivery() + "}";
	}

}
