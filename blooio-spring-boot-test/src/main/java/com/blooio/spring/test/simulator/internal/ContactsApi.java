package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The contact endpoints: list, create, get, update, delete and tags.
 */
final class ContactsApi {

	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final SimulatorState state;

	ContactsApi(SimulatorState state) {
		this.state = state;
	}

	static boolean isIdentifier(String value) {
		return PHONE.matcher(value).matches() || EMAIL.matcher(value).matches();
	}

	ApiReply list(ApiCall call) {
		int limit = call.intQuery("limit", 50, 1, 200);
		int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
		String search = call.query().get("q");
		String sort = call.query().getOrDefault("sort", "recent");
		return this.state.locked(() -> {
			List<StoredContact> contacts = new ArrayList<>(this.state.contacts()
				.stream()
				.filter((contact) -> search == null || search.isEmpty() || matches(contact, search))
				.toList());
			Comparator<StoredContact> byCreation = Comparator.comparingLong((contact) -> contact.createdAt);
			Comparator<StoredContact> byName = Comparator
				.comparing((contact) -> (contact.name != null) ? contact.name : contact.identifier);
			contacts.sort(switch (sort) {
				case "oldest" -> byCreation;
				case "name_asc" -> byName;
				case "name_desc" -> byName.reversed();
				default -> byCreation.reversed();
			});
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("contacts", contacts.stream().skip(offset).limit(limit).map(this::contact).toList());
			json.put("pagination", MessagesApi.pagination(limit, offset, contacts.size()));
			return ApiReply.ok(json);
		});
	}

	private static boolean matches(StoredContact contact, String search) {
		String needle = search.toLowerCase(Locale.ROOT);
		return contact.identifier.toLowerCase(Locale.ROOT).contains(needle)
				|| (contact.name != null && contact.name.toLowerCase(Locale.ROOT).contains(needle));
	}

	ApiReply create(ApiCall call) {
		JsonNode body = call.jsonBody();
		String identifier = body.path("identifier").isString() ? body.path("identifier").asString().trim() : null;
		if (identifier == null || !isIdentifier(identifier)) {
			throw ApiError.badRequest("identifier must be an E.164 phone number or an email address.");
		}
		String name = name(body);
		return this.state.locked(() -> {
			if (this.state.findContact(identifier) != null) {
				throw ApiError.of(409, "A contact with this identifier already exists.");
			}
			return new ApiReply(201, contact(this.state.addContact(identifier, name)));
		});
	}

	private static @Nullable String name(JsonNode body) {
		JsonNode name = body.path("name");
		if (name.isMissingNode() || name.isNull()) {
			return null;
		}
		if (!name.isString()) {
			throw ApiError.badRequest("name must be a string or null.");
		}
		return name.asString();
	}

	ApiReply get(String identifier) {
		return this.state.locked(() -> ApiReply.ok(contact(require(identifier))));
	}

	ApiReply update(ApiCall call, String identifier) {
		JsonNode body = call.jsonBody();
		String name = name(body);
		return this.state.locked(() -> {
			StoredContact contact = require(identifier);
			if (body.has("name")) {
				contact.name = name;
			}
			return ApiReply.ok(contact(contact));
		});
	}

	ApiReply delete(String identifier) {
		return this.state.locked(() -> {
			if (!this.state.removeContact(identifier)) {
				throw ApiError.notFound("Contact");
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("success", true);
			json.put("deleted_at", System.currentTimeMillis());
			return ApiReply.ok(json);
		});
	}

	ApiReply tags(String identifier) {
		return this.state.locked(() -> {
			List<Map<String, Object>> tags = new ArrayList<>();
			require(identifier).tags.forEach((tag, createdAt) -> {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("tag", tag);
				json.put("created_at", createdAt);
				tags.add(json);
			});
			return ApiReply.ok(Map.of("tags", tags));
		});
	}

	ApiReply addTags(ApiCall call, String identifier) {
		JsonNode tagsNode = call.jsonBody().path("tags");
		List<String> tags = new ArrayList<>();
		tagsNode.forEach((tag) -> {
			if (tag.isString() && !tag.asString().isBlank()) {
				tags.add(tag.asString().trim());
			}
		});
		if (!tagsNode.isArray() || tags.isEmpty() || tags.size() != tagsNode.size()) {
			throw ApiError.badRequest("tags must be a non-empty array of non-empty strings.");
		}
		return this.state.locked(() -> {
			StoredContact contact = require(identifier);
			long now = System.currentTimeMillis();
			// adding a tag the contact has already is harmless and keeps its first time
			tags.forEach((tag) -> contact.tags.putIfAbsent(tag, now));
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("success", true);
			json.put("tags_added", tags.stream().distinct().toList());
			return new ApiReply(201, json);
		});
	}

	ApiReply removeTag(String identifier, String tag) {
		return this.state.locked(() -> {
			if (require(identifier).tags.remove(tag) == null) {
				throw ApiError.notFound("Tag");
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("success", true);
			json.put("deleted_at", System.currentTimeMillis());
			return ApiReply.ok(json);
		});
	}

	private StoredContact require(String identifier) {
		StoredContact contact = this.state.findContact(identifier);
		if (contact == null) {
			throw ApiError.notFound("Contact");
		}
		return contact;
	}

	private Map<String, Object> contact(StoredContact contact) {
		StoredChat chat = this.state.findChat(contact.identifier);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", contact.identifier);
		json.put("contact_id", contact.contactId);
		json.put("identifier", contact.identifier);
		json.put("name", contact.name);
		json.put("type", contact.type());
		json.put("created_at", contact.createdAt);
		json.put("last_message_time", (chat != null && !chat.messages.isEmpty())
				? chat.messages.get(chat.messages.size() - 1).timeSent : null);
		json.put("tags", List.copyOf(contact.tags.keySet()));
		return json;
	}

}
