package com.blooio.spring.model.group;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.model.message.Direction;

/**
 * A group chat managed through Blooio's groups API. Use {@link #groupId()} as the
 * {@code chatId} to send to the group.
 *
 * @param groupId the group id, e.g. {@code grp_7f3k2m9q1x}
 * @param name the group name, or {@code null} for an unnamed group
 * @param chatGuid the linked iMessage chat GUID, or {@code null}
 * @param iconUrl the group icon, or {@code null}
 * @param memberCount number of members, or {@code null}
 * @param messageCount number of messages, or {@code null}
 * @param lastMessageText text of the latest message, or {@code null}
 * @param lastMessageTime time of the latest message, or {@code null}
 * @param lastMessageDirection direction of the latest message, or {@code null}
 * @param createdAt creation time, or {@code null}
 * @param addedMembers members added by the create call (only on create), never
 * {@code null}; an object Blooio sends here is kept as its JSON text
 * @param createdContacts contacts created by the create call (only on create), never
 * {@code null}; an object Blooio sends here is kept as its JSON text
 * @since 0.1.0
 */
public record Group(String groupId, @Nullable String name, @Nullable String chatGuid, @Nullable String iconUrl,
		@Nullable Integer memberCount, @Nullable Integer messageCount, @Nullable String lastMessageText,
		@Nullable Instant lastMessageTime, @Nullable Direction lastMessageDirection, @Nullable Instant createdAt,
		List<String> addedMembers, List<String> createdContacts) {

	/**
	 * Normalises the lists.
	 * @param groupId the group id
	 * @param name the name
	 * @param chatGuid the chat GUID
	 * @param iconUrl the icon URL
	 * @param memberCount number of members
	 * @param messageCount number of messages
	 * @param lastMessageText latest message text
	 * @param lastMessageTime latest message time
	 * @param lastMessageDirection latest message direction
	 * @param createdAt creation time
	 * @param addedMembers members added on create
	 * @param createdContacts contacts created on create
	 */
	public Group {
		addedMembers = BlooioJson.listOf(addedMembers);
		createdContacts = BlooioJson.listOf(createdContacts);
	}

}
