package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The group endpoints: list, create, get, update, delete and members. Every simulated
 * group is linked to an iMessage chat ({@code chat_guid}). Adding and removing members
 * work as the document describes them; live Blooio currently answers them 501 ("Coming
 * soon"), which a test can have with a fault.
 */
final class GroupsApi {

	private static final int MAX_NAME = 255;

	private final SimulatorState state;

	GroupsApi(SimulatorState state) {
		this.state = state;
	}

	ApiReply list(ApiCall call) {
		int limit = call.intQuery("limit", 50, 1, 200);
		int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
		String search = call.query().get("q");
		String sort = call.query().getOrDefault("sort", "recent");
		return this.state.locked(() -> {
			List<StoredGroup> groups = new ArrayList<>(this.state.groups()
				.stream()
				.filter((group) -> search == null || search.isEmpty()
						|| (group.name != null
								&& group.name.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))))
				.toList());
			Comparator<StoredGroup> byCreation = Comparator.comparingLong((group) -> group.createdAt);
			Comparator<StoredGroup> byName = Comparator.comparing((group) -> (group.name != null) ? group.name : "");
			groups.sort(switch (sort) {
				case "oldest" -> byCreation;
				case "name_asc" -> byName;
				case "name_desc" -> byName.reversed();
				default -> byCreation.reversed();
			});
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("groups", groups.stream().skip(offset).limit(limit).map(this::group).toList());
			json.put("pagination", MessagesApi.pagination(limit, offset, groups.size()));
			return ApiReply.ok(json);
		});
	}

	ApiReply create(ApiCall call) {
		JsonNode body = call.jsonBody();
		String name = body.path("name").isString() ? body.path("name").asString() : null;
		if (name == null || name.isBlank() || name.length() > MAX_NAME) {
			throw ApiError.badRequest("name is required and must be at most " + MAX_NAME + " characters.");
		}
		Set<String> members = new LinkedHashSet<>();
		JsonNode membersNode = body.path("members");
		if (!membersNode.isMissingNode() && !membersNode.isNull()) {
			if (!membersNode.isArray()) {
				throw ApiError.badRequest("members must be an array of phone numbers or emails.");
			}
			for (JsonNode member : membersNode) {
				String value = member.isString() ? member.asString().trim() : "";
				if (!ContactsApi.isIdentifier(value)) {
					throw ApiError.badRequest("members must be E.164 phone numbers or email addresses.");
				}
				members.add(value);
			}
		}
		return this.state.locked(() -> {
			if (!members.isEmpty() && this.state.findGroupWithMembers(members) != null) {
				throw ApiError.of(409, "A group with the same participants already exists.");
			}
			List<String> createdContacts = new ArrayList<>();
			for (String member : members) {
				if (this.state.findContact(member) == null) {
					this.state.contact(member);
					createdContacts.add(member);
				}
			}
			StoredGroup group = this.state.addGroup(name, List.copyOf(members));
			Map<String, Object> json = group(group);
			json.put("added_members", List.copyOf(members));
			json.put("created_contacts", createdContacts);
			return new ApiReply(201, json);
		});
	}

	ApiReply get(String groupId) {
		return this.state.locked(() -> ApiReply.ok(group(require(groupId))));
	}

	ApiReply update(ApiCall call, String groupId) {
		JsonNode body = call.jsonBody();
		JsonNode nameNode = body.path("name");
		if (!nameNode.isMissingNode() && !nameNode.isNull()
				&& (!nameNode.isString() || nameNode.asString().length() > MAX_NAME)) {
			throw ApiError.badRequest("name must be a string of at most " + MAX_NAME + " characters.");
		}
		return this.state.locked(() -> {
			StoredGroup group = require(groupId);
			if (body.has("name")) {
				group.name = nameNode.isString() ? nameNode.asString() : null;
				StoredChat chat = this.state.findChat(groupId);
				if (chat != null) {
					chat.groupName = group.name;
				}
			}
			// a rename is none of the document's device_sync actions (add_participant,
			// remove_participant, leave), so the answer has no action
			Map<String, Object> deviceSync = new LinkedHashMap<>();
			deviceSync.put("chat_guid", group.chatGuid);
			deviceSync.put("synced", true);
			deviceSync.put("error", null);
			Map<String, Object> json = group(group);
			json.put("device_sync", deviceSync);
			return ApiReply.ok(json);
		});
	}

	ApiReply delete(String groupId) {
		return this.state.locked(() -> {
			if (!this.state.removeGroup(groupId)) {
				throw ApiError.notFound("Group");
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("success", true);
			json.put("deleted_at", System.currentTimeMillis());
			return ApiReply.ok(json);
		});
	}

	ApiReply members(ApiCall call, String groupId) {
		int limit = call.intQuery("limit", 50, 1, 200);
		int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
		return this.state.locked(() -> {
			StoredGroup group = require(groupId);
			List<Map<String, Object>> members = new ArrayList<>();
			group.members.forEach((identifier, addedAt) -> members.add(member(identifier, addedAt)));
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("group_id", group.groupId);
			json.put("group_name", group.name);
			json.put("icon_url", group.iconUrl);
			json.put("members", members.stream().skip(offset).limit(limit).toList());
			json.put("pagination", MessagesApi.pagination(limit, offset, members.size()));
			return ApiReply.ok(json);
		});
	}

	ApiReply addMember(ApiCall call, String groupId) {
		JsonNode contactId = call.jsonBody().path("contact_id");
		String identifier = contactId.isString() ? contactId.asString().trim() : "";
		if (!ContactsApi.isIdentifier(identifier)) {
			throw ApiError.badRequest("contact_id must be an E.164 phone number or an email address.");
		}
		return this.state.locked(() -> {
			StoredGroup group = require(groupId);
			if (group.members.containsKey(identifier)) {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("message", "Contact is already a member of this group.");
				json.put("member", member(identifier, group.members.get(identifier)));
				return ApiReply.ok(json);
			}
			boolean contactCreated = this.state.findContact(identifier) == null;
			this.state.contact(identifier);
			group.members.put(identifier, System.currentTimeMillis());
			syncChat(group);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("member", member(identifier, group.members.get(identifier)));
			json.put("contact_created", contactCreated);
			return new ApiReply(201, json);
		});
	}

	ApiReply removeMember(String groupId, String identifier) {
		return this.state.locked(() -> {
			StoredGroup group = require(groupId);
			if (group.members.remove(identifier) == null) {
				throw ApiError.notFound("Group member");
			}
			syncChat(group);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("success", true);
			json.put("removed_at", System.currentTimeMillis());
			return ApiReply.ok(json);
		});
	}

	private void syncChat(StoredGroup group) {
		StoredChat chat = this.state.findChat(group.groupId);
		if (chat != null) {
			chat.participants = group.memberList();
		}
	}

	private Map<String, Object> member(String identifier, long addedAt) {
		StoredContact contact = this.state.findContact(identifier);
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("id", identifier);
		member.put("contact_id", Ids.contactId(identifier));
		member.put("identifier", identifier);
		member.put("name", (contact != null) ? contact.name : null);
		member.put("added_at", addedAt);
		return member;
	}

	StoredGroup require(String groupId) {
		StoredGroup group = this.state.findGroup(groupId);
		if (group == null) {
			throw ApiError.notFound("Group");
		}
		return group;
	}

	private Map<String, Object> group(StoredGroup group) {
		StoredChat chat = this.state.findChat(group.groupId);
		@Nullable StoredMessage last = (chat != null && !chat.messages.isEmpty()) ? chat.messages.get(chat.messages.size() - 1)
				: null;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("group_id", group.groupId);
		json.put("name", group.name);
		json.put("chat_guid", group.chatGuid);
		json.put("icon_url", group.iconUrl);
		json.put("member_count", group.members.size());
		json.put("message_count", (chat != null) ? chat.messages.size() : 0);
		json.put("last_message_text", (last != null) ? last.text : null);
		json.put("last_message_time", (last != null) ? last.timeSent : null);
		json.put("last_message_direction", (last != null) ? last.direction() : null);
		json.put("created_at", group.createdAt);
		return json;
	}

}
