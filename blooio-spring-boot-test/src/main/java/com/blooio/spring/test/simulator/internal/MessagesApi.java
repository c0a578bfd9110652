package com.blooio.spring.test.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.SentMessage;

/**
 * The message endpoints: send (with idempotency), list, get and status.
 */
final class MessagesApi {

	private final SimulatorState state;

	private final Representations representations;

	private final ChatResolver chats;

	private final Consumer<List<StoredMessage>> onSent;

	MessagesApi(SimulatorState state, Representations representations, ChatResolver chats,
			Consumer<List<StoredMessage>> onSent) {
		this.state = state;
		this.chats = chats;
		this.representations = representations;
		this.onSent = onSent;
	}

	ApiReply send(ApiCall call, String chatId) {
		JsonNode body = call.jsonBody();
		JsonNode textNode = body.path("text");
		List<String> texts = strings(textNode);
		List<String> attachments = attachmentUrls(body.path("attachments"));
		JsonNode parts = body.path("parts");
		boolean hasParts = parts.isArray() && !parts.isEmpty();
		if (texts.isEmpty() && attachments.isEmpty() && !hasParts) {
			throw ApiError.badRequest("Provide text, attachments or parts.");
		}
		if (hasParts) {
			texts = partTexts(parts);
			attachments = partUrls(parts);
		}
		List<String> messageTexts = texts;
		List<String> messageAttachments = attachments;
		boolean fanOut = textNode.isArray();
		List<StoredMessage> created = new ArrayList<>();
		ApiReply reply = this.state.locked(() -> {
			String key = call.idempotencyKey();
			Map<String, Object> original = (key != null) ? this.state.idempotentResponse(key) : null;
			if (original != null) {
				return ApiReply.ok(original);
			}
			Map<String, Object> groupFields = new LinkedHashMap<>();
			StoredChat chat = this.chats.forSend(chatId, groupFields);
			Map<String, Object> response = new LinkedHashMap<>();
			if (fanOut) {
				for (String text : messageTexts) {
					created.add(this.state.addMessage(chat, false, text, List.of(), null));
				}
				response.put("message_ids", created.stream().map((message) -> message.id).toList());
				response.put("count", created.size());
			}
			else {
				String text = hasParts ? String.join("", messageTexts)
						: (messageTexts.isEmpty() ? null : messageTexts.get(0));
				created.add(this.state.addMessage(chat, false, (text == null || text.isEmpty()) ? null : text,
						messageAttachments, null));
				response.put("message_id", created.get(0).id);
			}
			response.put("status", "queued");
			response.putAll(groupFields);
			if (key != null) {
				this.state.rememberResponse(key, response);
			}
			this.state.recordSent(new SentMessage(created.get(0).id, chatId, call.rawPath(), key,
					(call.authorization() != null) ? call.authorization() : "", fanOut ? null : created.get(0).text,
					messageTexts, new String(call.body(), StandardCharsets.UTF_8), Instant.now()));
			return new ApiReply(202, response);
		});
		if (!created.isEmpty()) {
			this.onSent.accept(created);
		}
		return reply;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isString()) {
			values.add(node.asString());
		}
		else if (node.isArray()) {
			node.forEach((element) -> {
				if (element.isString()) {
					values.add(element.asString());
				}
			});
		}
		return values;
	}

	private static List<String> attachmentUrls(JsonNode node) {
		List<String> urls = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((element) -> {
				if (element.isString()) {
					urls.add(element.asString());
				}
				else if (element.path("url").isString()) {
					urls.add(element.path("url").asString());
				}
			});
		}
		return urls;
	}

	private static List<String> partTexts(JsonNode parts) {
		List<String> texts = new ArrayList<>();
		parts.forEach((part) -> {
			if (part.path("text").isString()) {
				texts.add(part.path("text").asString());
			}
		});
		return texts;
	}

	private static List<String> partUrls(JsonNode parts) {
		List<String> urls = new ArrayList<>();
		parts.forEach((part) -> {
			if (part.path("url").isString()) {
				urls.add(part.path("url").asString());
			}
		});
		return urls;
	}

	ApiReply list(ApiCall call, String chatId) {
		int limit = call.intQuery("limit", 50, 1, 200);
		int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
		String sort = call.query().getOrDefault("sort", "desc");
		String direction = call.query().get("direction");
		Long since = call.longQuery("since");
		Long until = call.longQuery("until");
		return this.state.locked(() -> {
			StoredChat chat = requireChat(chatId);
			List<StoredMessage> matching = chat.messages.stream()
				.filter((message) -> direction == null || direction.equals(message.direction()))
				.filter((message) -> since == null || message.timeSent >= since)
				.filter((message) -> until == null || message.timeSent <= until)
				.toList();
			List<StoredMessage> ordered = new ArrayList<>(matching);
			if (!"asc".equals(sort)) {
				Collections.reverse(ordered);
			}
			List<Map<String, Object>> page = ordered.stream()
				.skip(offset)
				.limit(limit)
				.map(this.representations::listedMessage)
				.toList();
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("chat_id", chatId);
			json.put("messages", page);
			json.put("pagination", pagination(limit, offset, matching.size()));
			return ApiReply.ok(json);
		});
	}

	ApiReply get(String chatId, String messageId) {
		return this.state
			.locked(() -> ApiReply.ok(this.representations.messageDetail(requireMessage(chatId, messageId))));
	}

	ApiReply status(String chatId, String messageId) {
		return this.state
			.locked(() -> ApiReply.ok(this.representations.messageStatus(requireMessage(chatId, messageId))));
	}

	private StoredChat requireChat(String chatId) {
		StoredChat chat = this.state.findChat(chatId);
		if (chat == null) {
			throw ApiError.notFound("Chat");
		}
		return chat;
	}

	StoredMessage requireMessage(String chatId, String messageId) {
		return requireChat(chatId).messages.stream()
			.filter((message) -> message.id.equals(messageId))
			.findFirst()
			.orElseThrow(() -> ApiError.notFound("Message"));
	}

	static Map<String, Object> pagination(int limit, int offset, int total) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("limit", limit);
		json.put("offset", offset);
		json.put("total", total);
		return json;
	}

}
