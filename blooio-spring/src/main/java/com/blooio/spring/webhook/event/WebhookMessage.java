package com.blooio.spring.webhook.event;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.model.contact.ContactRef;
import com.blooio.spring.model.message.Attachment;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.Direction;
import com.blooio.spring.model.message.Protocol;
import com.blooio.spring.model.message.ReplyTo;

/**
 * The message a webhook event is about: every field Blooio's message events carry. Which
 * fields are set depends on the event type.
 *
 * @param messageId Blooio message id (for reactions, the message reacted to)
 * @param externalId the counterpart: phone, email, or group id
 * @param internalId your number that sent or received it, or {@code null}
 * @param deviceId hashed device id of older payloads, or {@code null}
 * @param status status the event reports, or {@code null}
 * @param protocol service used, or {@code null}
 * @param timestamp when the event was emitted, or {@code null}
 * @param group whether the chat is a group
 * @param groupId the group id, or {@code null}
 * @param groupName the group name, or {@code null}
 * @param participants the group members, never {@code null}
 * @param sender who sent an inbound message, or {@code null}
 * @param text the text, or {@code null}
 * @param formattedText markdown of a styled iMessage, or {@code null}
 * @param attachments the attachments, never {@code null}
 * @param replyTo the message an inline reply points at, or {@code null}
 * @param receivedAt when an inbound message arrived, or {@code null}
 * @param sentAt when an outbound message was sent, or {@code null}
 * @param deliveredAt when it was delivered, or {@code null}
 * @param readAt when it was read, or {@code null}
 * @param errorCode why it failed, or {@code null}
 * @param errorMessage why it failed, in words, or {@code null}
 * @param direction direction of a reaction, or {@code null}
 * @param reaction tapback name or emoji of a reaction, or {@code null}
 * @param reactionAction {@code add} or {@code remove} for a reaction, or {@code null}
 * @param originalText text of the message reacted to, or {@code null}
 * @since 0.1.0
 */
public record WebhookMessage(@Nullable String messageId, @Nullable String externalId, @Nullable String internalId,
		@Nullable String deviceId, @Nullable DeliveryStatus status, @Nullable Protocol protocol,
		@Nullable Instant timestamp, boolean group, @Nullable String groupId, @Nullable String groupName,
		List<ContactRef> participants, @Nullable String sender, @Nullable String text, @Nullable String formattedText,
		List<Attachment> attachments, @Nullable ReplyTo replyTo, @Nullable Instant receivedAt, @Nullable Instant sentAt,
		@Nullable Instant deliveredAt, @Nullable Instant readAt, @Nullable String errorCode,
		@Nullable String errorMessage, @Nullable Direction direction, @Nullable String reaction,
		@Nullable String reactionAction, @Nullable String originalText) {

	/**
	 * Normalises the lists.
	 * @param messageId message id
	 * @param externalId counterpart
	 * @param internalId your number
	 * @param deviceId hashed device id
	 * @param status status
	 * @param protocol service
	 * @param timestamp emission time
	 * @param group whether a group
	 * @param groupId group id
	 * @param groupName group name
	 * @param participants group members
	 * @param sender sender
	 * @param text text
	 * @param formattedText markdown text
	 * @param attachments attachments
	 * @param replyTo inline reply target
	 * @param receivedAt receive time
	 * @param sentAt send time
	 * @param deliveredAt delivery time
	 * @param readAt read time
	 * @param errorCode failure code
	 * @param errorMessage failure description
	 * @param direction reaction direction
	 * @param reaction reaction
	 * @param reactionAction reaction action
	 * @param originalText text reacted to
	 */
	public WebhookMessage {
		participants = (participants != null) ? List.copyOf(participants) : List.of();
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	/**
	 * Returns the chat to reply into: the group id for group messages, otherwise the
	 * counterpart (falling back to the sender). Pass it to {@code BlooioOperations} as
	 * is.
	 * @return the chat id, or {@code null} if the payload names none
	 */
	public @Nullable String chatId() {
		if (this.group && this.groupId != null) {
			return this.groupId;
		}
		return (this.externalId != null) ? this.externalId : this.sender;
	}

}
