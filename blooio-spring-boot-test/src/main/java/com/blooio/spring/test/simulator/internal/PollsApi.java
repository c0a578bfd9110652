package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Polls: sending one to a chat and reading its results, which count the votes simulated
 * contacts cast with {@link #vote(String, String, String)}.
 */
final class PollsApi {

	private static final int MIN_OPTIONS = 2;

	private static final int MAX_OPTIONS = 10;

	private final SimulatorState state;

	private final ChatResolver chats;

	PollsApi(SimulatorState state, ChatResolver chats) {
		this.state = state;
		this.chats = chats;
	}

	ApiReply send(ApiCall call, String chatId) {
		JsonNode body = call.jsonBody();
		JsonNode titleNode = body.path("title");
		if (!titleNode.isMissingNode() && !titleNode.isNull() && !titleNode.isString()) {
			throw ApiError.badRequest("title must be a string.");
		}
		String title = (titleNode.isString() && !titleNode.asString().isBlank()) ? titleNode.asString() : null;
		List<String> options = new ArrayList<>();
		body.path("options").forEach((option) -> {
			if (option.isString() && !option.asString().isBlank()) {
				options.add(option.asString());
			}
		});
		if (!body.path("options").isArray() || options.size() != body.path("options").size()
				|| options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
			throw ApiError.badRequest("options must be " + MIN_OPTIONS + " to " + MAX_OPTIONS + " non-empty strings.");
		}
		return this.state.locked(() -> {
			StoredChat chat = this.chats.forSend(chatId, new LinkedHashMap<>());
			StoredPoll poll = this.state.addPoll(chat.id, title, options);
			Map<String, Object> definition = new LinkedHashMap<>();
			putTitle(definition, poll.title);
			definition.put("options", poll.options);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("poll_id", poll.id);
			json.put("chat_id", poll.chatId);
			json.put("poll", definition);
			json.put("sent_at", poll.sentAt);
			return ApiReply.ok(json);
		});
	}

	ApiReply results(String chatId, String pollId) {
		return this.state.locked(() -> {
			StoredPoll poll = this.state.findPoll(pollId);
			if (poll == null || !poll.chatId.equals(this.chats.normalize(chatId))) {
				throw ApiError.notFound("Poll");
			}
			List<Map<String, Object>> options = new ArrayList<>();
			for (int i = 0; i < poll.options.size(); i++) {
				Map<String, Object> option = new LinkedHashMap<>();
				option.put("text", poll.options.get(i));
				option.put("votes", poll.votesFor(i));
				options.add(option);
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("poll_id", poll.id);
			json.put("chat_id", poll.chatId);
			putTitle(json, poll.title);
			json.put("options", options);
			json.put("total_votes", poll.votes.size());
			return ApiReply.ok(json);
		});
	}

	/**
	 * Casts a simulated contact's vote, replacing the voter's earlier one.
	 * @param pollId the poll
	 * @param voter the voter's phone or email
	 * @param option the text of the chosen option
	 * @throws IllegalArgumentException if there is no such poll or option
	 */
	void vote(String pollId, String voter, String option) {
		this.state.locked(() -> {
			StoredPoll poll = this.state.findPoll(pollId);
			if (poll == null) {
				throw new IllegalArgumentException("No poll " + pollId);
			}
			int index = poll.options.indexOf(option);
			if (index < 0) {
				throw new IllegalArgumentException(
						"Poll " + pollId + " has no option '" + option + "'; its options are " + poll.options);
			}
			this.state.vote(poll, voter, index);
			return null;
		});
	}

	private static void putTitle(Map<String, Object> json, @Nullable String title) {
		// the document types title as a string: an untitled poll has none
		if (title != null) {
			json.put("title", title);
		}
	}

}
