package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Adds and removes your reactions on messages: {@code +love} adds a tapback,
 * {@code -love} takes it back, and the message read back lists it with {@code is_added}.
 * The message is named by its id or by a relative index ({@code -1} the last message,
 * optionally only among one {@code direction}).
 */
final class ReactionsApi {

	private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");

	private final SimulatorState state;

	private final MessagesApi messages;

	ReactionsApi(SimulatorState state, MessagesApi messages) {
		this.state = state;
		this.messages = messages;
	}

	ApiReply react(ApiCall call, String chatId, String messageId) {
		JsonNode body = call.jsonBody();
		String signed = body.path("reaction").isString() ? body.path("reaction").asString() : "";
		if (signed.length() < 2 || (signed.charAt(0) != '+' && signed.charAt(0) != '-')) {
			throw ApiError.badRequest(
					"reaction must be a tapback or an emoji prefixed with + (add) or - (remove), " + "e.g. +love.");
		}
		JsonNode directionNode = body.path("direction");
		String direction = directionNode.isString() ? directionNode.asString() : null;
		if (!directionNode.isMissingNode() && !directionNode.isNull()
				&& (direction == null || !DIRECTIONS.contains(direction))) {
			throw ApiError.badRequest("direction must be inbound or outbound.");
		}
		boolean add = signed.charAt(0) == '+';
		String reaction = signed.substring(1);
		return this.state.locked(() -> {
			StoredMessage message = target(chatId, messageId, direction);
			message.react(reaction, null, add, System.currentTimeMillis());
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("success", true);
			json.put("message_id", message.id);
			json.put("reaction", reaction);
			json.put("action", add ? "add" : "remove");
			return ApiReply.ok(json);
		});
	}

	private StoredMessage target(String chatId, String messageId, @Nullable String direction) {
		if (!messageId.matches("-[1-9][0-9]{0,5}")) {
			return this.messages.requireMessage(chatId, messageId);
		}
		StoredChat chat = this.state.findChat(chatId);
		List<StoredMessage> candidates = (chat == null) ? List.of()
				: chat.messages.stream()
					.filter((message) -> direction == null || direction.equals(message.direction()))
					.toList();
		int index = candidates.size() + Integer.parseInt(messageId);
		if (index < 0) {
			throw ApiError.notFound("Message");
		}
		return candidates.get(index);
	}

}
