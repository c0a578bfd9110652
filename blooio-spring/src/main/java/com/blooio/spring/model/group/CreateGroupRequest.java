package com.blooio.spring.model.group;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What to create a group with. Immutable; each method returns a copy.
 * <p>
 * With a {@code chatGuid} the group is linked to an existing iMessage group and
 * {@code members} is bookkeeping only; without one, a new iMessage chat appears on the
 * first send.
 *
 * @param name the group name, not blank, at most 255 characters
 * @param chatGuid the iMessage chat GUID to link, e.g. {@code iMessage;+;chat123456789},
 * or {@code null}
 * @param members phone numbers (E.164) or email addresses, or {@code null}
 * @since 0.1.0
 */
public record CreateGroupRequest(String name, @Nullable String chatGuid, @Nullable List<String> members) {

	/** The longest group name Blooio accepts. */
	public static final int MAX_NAME_LENGTH = 255;

	/**
	 * Validates the request.
	 * @param name the group name
	 * @param chatGuid the chat GUID to link
	 * @param members the members
	 */
	public CreateGroupRequest {
		checkName(name);
		members = (members != null) ? List.copyOf(members) : null;
	}

	/**
	 * Returns a request for a group with the given name and nothing else.
	 * @param name the group name
	 * @return the request
	 */
	public static CreateGroupRequest of(String name) {
		return new CreateGroupRequest(name, null, null);
	}

	/**
	 * Returns a copy that links the given iMessage chat.
	 * @param chatGuid the chat GUID
	 * @return the request
	 */
	public CreateGroupRequest chatGuid(String chatGuid) {
		return new CreateGroupRequest(this.name, chatGuid, this.members);
	}

	/**
	 * Returns a copy with the given members.
	 * @param members phone numbers or email addresses
	 * @return the request
	 */
	public CreateGroupRequest members(List<String> members) {
		return new CreateGroupRequest(this.name, this.chatGuid, members);
	}

	/**
	 * Checks a group name: not blank, at most {@value #MAX_NAME_LENGTH} characters.
	 * @param name the name
	 * @throws IllegalArgumentException if the name is not acceptable
	 */
	public static void checkName(@Nullable String name) {
		Assert.isTrue(name != null && !name.isBlank(), "name must not be blank");
		Assert.isTrue(name.length() <= MAX_NAME_LENGTH,
				() -> "name must be at most " + MAX_NAME_LENGTH + " characters, was " + name.length());
	}

}
