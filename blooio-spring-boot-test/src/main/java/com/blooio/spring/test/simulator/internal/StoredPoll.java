package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A poll sent to a chat, with one vote per voter (a later vote replaces an earlier one).
 * Guarded by {@link SimulatorState}'s lock.
 */
final class StoredPoll {

	final String id;

	final String chatId;

	final @Nullable String title;

	final List<String> options;

	final long sentAt;

	/** The option index each voter chose, by voter. */
	final Map<String, Integer> votes = new LinkedHashMap<>();

	StoredPoll(String id, String chatId, @Nullable String title, List<String> options, long sentAt) {
		this.id = id;
		this.chatId = chatId;
		this.title = title;
		this.options = List.copyOf(options);
		this.sentAt = sentAt;
	}

	int votesFor(int option) {
		return (int) this.votes.values().stream().filter((chosen) -> chosen == option).count();
	}

}
