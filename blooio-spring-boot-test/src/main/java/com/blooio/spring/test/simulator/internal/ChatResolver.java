package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a decoded {@code chatId} (a phone, an email, a {@code grp_...} id or a
 * comma-separated list of recipients) into the chat it names.
 */
final class ChatResolver {

	private final SimulatorState state;

	ChatResolver(SimulatorState state) {
		this.state = state;
	}

	/**
	 * Resolves the chat something is sent to, creating it if needed. A comma-separated
	 * list of recipients creates or reuses an unnamed group and fills
	 * {@code groupFields}; a {@code grp_...} id must name a known group. Call with the
	 * state's lock held.
	 */
	StoredChat forSend(String chatId, Map<String, Object> groupFields) {
		if (chatId.contains(",")) {
			Set<String> members = recipients(chatId);
			StoredGroup existing = this.state.findGroupWithMembers(members);
			StoredGroup group = (existing != null) ? existing : this.state.addGroup(null, List.copyOf(members));
			groupFields.put("group_id", group.groupId);
			groupFields.put("group_created", existing == null);
			groupFields.put("participants", group.memberList());
			return this.state.group(group.groupId, group.name, group.memberList());
		}
		if (chatId.startsWith("grp_")) {
			StoredGroup group = this.state.findGroup(chatId);
			if (group == null) {
				throw ApiError.notFound("Chat");
			}
			return this.state.group(group.groupId, group.name, group.memberList());
		}
		return this.state.chat(chatId);
	}

	/**
	 * Returns the normalized id of the chat a {@code chatId} names, without creating
	 * anything: the group's id for a list of recipients that has a group, else the id
	 * itself. Call with the state's lock held.
	 */
	String normalize(String chatId) {
		if (chatId.contains(",")) {
			StoredGroup group = this.state.findGroupWithMembers(recipients(chatId));
			return (group != null) ? group.groupId : String.join(",", recipients(chatId));
		}
		return chatId;
	}

	private static Set<String> recipients(String chatId) {
		Set<String> members = new LinkedHashSet<>();
		for (String recipient : chatId.split(",")) {
			String member = recipient.trim();
			if (!ContactsApi.isIdentifier(member)) {
				throw ApiError.badRequest("Every recipient of a multi-recipient chatId must be an E.164 phone "
						+ "number or an email address: '" + member + "' is not.");
			}
			members.add(member);
		}
		return members;
	}

}
