package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chat endpoints: list, get, mark read and typing.
 */
final class ChatsApi {

	private final SimulatorState state;

	private final Representations representations;

	ChatsApi(SimulatorState state, Representations representations) {
		this.state = state;
		this.representations = representations;
	}

	ApiReply list(ApiCall call) {
		int limit = call.intQuery("limit", 50, 1, 200);
		int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
		String search = call.query().get("q");
		boolean oldestFirst = "oldest".equals(call.query().get("sort"));
		return this.state.locked(() -> {
			List<StoredChat> chats = new ArrayList<>(this.state.chats()
				.stream()
				.filter((chat) -> !chat.messages.isEmpty())
				.filter((chat) -> search == null || matches(chat, search))
				.toList());
			Comparator<StoredChat> byLastMessage = Comparator
				.comparingLong((chat) -> chat.messages.get(chat.messages.size() - 1).timeSent);
			chats.sort(oldestFirst ? byLastMessage : byLastMessage.reversed());
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("chats",
					chats.stream()
						.skip(offset)
						.limit(limit)
						.map((chat) -> this.representations.chat(chat, false))
						.toList());
			json.put("pagination", MessagesApi.pagination(limit, offset, chats.size()));
			return ApiReply.ok(json);
		});
	}

	private static boolean matches(StoredChat chat, String search) {
		String needle = search.toLowerCase(Locale.ROOT);
		return chat.id.toLowerCase(Locale.ROOT).contains(needle)
				|| (chat.groupName != null && chat.groupName.toLowerCase(Locale.ROOT).contains(needle));
	}

	ApiReply get(String chatId) {
		return this.state.locked(() -> {
			StoredChat chat = this.state.findChat(chatId);
			if (chat == null) {
				throw ApiError.notFound("Chat");
			}
			return ApiReply.ok(this.representations.chat(chat, true));
		});
	}

	ApiReply markRead(String chatId) {
		if (this.state.findChat(chatId) == null) {
			throw ApiError.notFound("Chat");
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("chat_id", chatId);
		json.put("status", "read");
		json.put("marked_at", System.currentTimeMillis());
		return ApiReply.ok(json);
	}

	ApiReply typing(String chatId, boolean start) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("chat_id", chatId);
		json.put("typing", start);
		json.put(start ? "started_at" : "stopped_at", System.currentTimeMillis());
		return ApiReply.ok(json);
	}

}
