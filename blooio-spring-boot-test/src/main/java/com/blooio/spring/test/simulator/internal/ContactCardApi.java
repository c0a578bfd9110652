package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The account number's contact card (Name &amp; Photo): read, update, and stage it for
 * sharing in a chat. Only the simulator's own number is accessible; any other answers
 * 403.
 */
final class ContactCardApi {

	private final SimulatorState state;

	private final String number;

	private final ChatResolver chats;

	ContactCardApi(SimulatorState state, String number, ChatResolver chats) {
		this.state = state;
		this.number = number;
		this.chats = chats;
	}

	ApiReply get(String number) {
		requireOwn(number);
		return this.state.locked(() -> {
			StoredContactCard card = this.state.contactCard();
			Map<String, Object> sharing = new LinkedHashMap<>();
			sharing.put("enabled", card.sharingEnabled);
			sharing.put("audience", card.audience);
			sharing.put("name_format", card.nameFormat);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("phone_number", this.number);
			json.put("first_name", card.firstName);
			json.put("last_name", card.lastName);
			json.put("name", card.name());
			json.put("avatar", card.avatar);
			json.put("has_wallpaper", false);
			json.put("sharing", sharing);
			return ApiReply.ok(json);
		});
	}

	ApiReply update(ApiCall call, String number) {
		requireOwn(number);
		JsonNode body = call.jsonBody();
		String firstName = optionalString(body, "first_name");
		String lastName = optionalString(body, "last_name");
		String avatar = optionalString(body, "avatar");
		JsonNode sharing = body.path("sharing");
		if (!sharing.isMissingNode() && !sharing.isNull() && !sharing.isObject()) {
			throw ApiError.badRequest("sharing must be an object.");
		}
		Boolean enabled = optionalBoolean(sharing, "enabled");
		Integer audience = optionalChoice(sharing, "audience");
		Integer nameFormat = optionalChoice(sharing, "name_format");
		return this.state.locked(() -> {
			StoredContactCard card = this.state.contactCard();
			if (firstName != null) {
				card.firstName = firstName;
			}
			if (lastName != null) {
				card.lastName = lastName;
			}
			if (avatar != null) {
				card.avatar = avatar;
			}
			if (enabled != null) {
				card.sharingEnabled = enabled;
			}
			if (audience != null) {
				card.audience = audience;
			}
			if (nameFormat != null) {
				card.nameFormat = nameFormat;
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("success", true);
			json.put("phone_number", this.number);
			json.put("first_name", card.firstName);
			json.put("last_name", card.lastName);
			return ApiReply.ok(json);
		});
	}

	ApiReply share(String chatId) {
		String normalized = this.state.locked(() -> this.chats.normalize(chatId));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("success", true);
		json.put("chat_id", normalized);
		json.put("message", "Contact card staged. It will be sent with the next outgoing message in this chat.");
		return ApiReply.ok(json);
	}

	private void requireOwn(String number) {
		if (!this.number.equals(number)) {
			throw ApiError.of(403, "Phone number not accessible with this API key.");
		}
	}

	private static @Nullable String optionalString(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ApiError.badRequest(field + " must be a string.");
		}
		return value.asString();
	}

	private static @Nullable Boolean optionalBoolean(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw ApiError.badRequest("sharing." + field + " must be a boolean.");
		}
		return value.asBoolean();
	}

	private static @Nullable Integer optionalChoice(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isInt() || (value.asInt() != 0 && value.asInt() != 1)) {
			throw ApiError.badRequest("sharing." + field + " must be 0 or 1.");
		}
		return value.asInt();
	}

}
