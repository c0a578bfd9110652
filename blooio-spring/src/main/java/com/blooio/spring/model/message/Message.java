package com.blooio.spring.model.message;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.model.contact.ContactRef;

/**
 * A message in a chat, as listed or fetched.
 *
 * @param messageId Blooio message id (opaque)
 * @param chatId chat the message belongs to (on a list read, the chat the page names)
 * @param direction inbound or outbound, {@code null} if unknown
 * @param externalId counterpart: phone, email or group id (list reads only)
 * @param internalId your number that sent or received it
 * @param contact the 1:1 counterpart (single-message reads only)
 * @param sender sender of an inbound group message, otherwise {@code null}
 * @param text text, or {@code null}
 * @param formattedText markdown of a styled iMessage, or {@code null}
 * @param attachments attachments, never {@code null}
 * @param reactions reactions, never {@code null}
 * @param replyTo the message this one replies to inline, or {@code null}
 * @param timeSent when it was sent
 * @param timeDelivered when it was delivered, or {@code null}
 * @param status delivery status, or {@code null}
 * @param protocol service used, or {@code null}
 * @param error error description of a failed message, or {@code null}
 * @since 0.1.0
 */
public record Message(String messageId, @Nullable String chatId, @Nullable Direction direction,
		@Nullable String externalId, @Nullable String internalId, @Nullable ContactRef contact, @Nullable String sender,
		@Nullable String text, @Nullable String formattedText, List<Attachment> attachments,
		List<MessageReaction> reactions, @Nullable ReplyTo replyTo, @Nullable Instant timeSent,
		@Nullable Instant timeDelivered, @Nullable DeliveryStatus status, @Nullable Protocol protocol,
		@Nullable String error) {

	/**
	 * Normalises the lists.
	 * @param messageId Blooio message id
	 * @param chatId chat the message belongs to
	 * @param direction inbound or outbound
	 * @param externalId counterpart
	 * @param internalId your number
	 * @param contact the 1:1 counterpart
	 * @param sender sender of an inbound group message
	 * @param text text
	 * @param formattedText markdown of a styled iMessage
	 * @param attachments attachments
	 * @param reactions reactions
	 * @param replyTo the message this one replies to
	 * @param timeSent when it was sent
	 * @param timeDelivered when it was delivered
	 * @param status delivery status
	 * @param protocol service used
	 * @param error error description
	 */
	public Message {
		attachments = BlooioJson.listOf(attachments);
		reactions = BlooioJson.listOf(reactions);
	}

}
