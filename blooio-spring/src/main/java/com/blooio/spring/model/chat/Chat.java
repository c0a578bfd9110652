package com.blooio.spring.model.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.model.contact.ContactRef;

/**
 * A conversation: 1:1 with a phone or email, or a group.
 *
 * @param id chat id to use in further calls: phone, email or group id
 * @param type {@code phone}, {@code email} or {@code group}
 * @param isGroup whether this is a group chat
 * @param groupId group id, or {@code null}
 * @param groupName group name, or {@code null}
 * @param memberCount number of group members, or {@code null}
 * @param contact the 1:1 counterpart, or {@code null}
 * @param messageCount number of messages
 * @param inboundCount number of inbound messages
 * @param outboundCount number of outbound messages
 * @param firstMessageTime time of the first message (single-chat reads only), or
 * {@code null}
 * @param lastMessageTime time of the latest message
 * @param lastInboundTime time of the latest inbound message, or {@code null}
 * @param lastOutboundTime time of the latest outbound message, or {@code null}
 * @param lastMessage the latest message, or {@code null}
 * @param backgroundId the chat's custom background, or {@code null} when it has none
 * @param backgroundUrl where the background image set through the API is stored, or
 * {@code null}
 * @since 0.1.0
 */
public record Chat(String id, @Nullable String type, @Nullable Boolean isGroup, @Nullable String groupId,
		@Nullable String groupName, @Nullable Integer memberCount, @Nullable ContactRef contact,
		@Nullable Integer messageCount, @Nullable Integer inboundCount, @Nullable Integer outboundCount,
		@Nullable Instant firstMessageTime, @Nullable Instant lastMessageTime, @Nullable Instant lastInboundTime,
		@Nullable Instant lastOutboundTime, @Nullable LastMessage lastMessage, @Nullable String backgroundId,
		@Nullable String backgroundUrl) {

	/**
	 * Returns whether this is a group chat.
	 * @return {@code true} for a group
	 */
	public boolean group() {
		return Boolean.TRUE.equals(this.isGroup) || this.groupId != null;
	}

}
