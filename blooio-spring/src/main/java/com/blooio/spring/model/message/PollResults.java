package com.blooio.spring.model.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.json.BlooioJson;

/**
 * The votes of a poll.
 *
 * @param pollId the poll id, or {@code null}
 * @param chatId the chat, or {@code null}
 * @param title the title, or {@code null}
 * @param options the options with their votes, never {@code null}
 * @param totalVotes the number of votes, or {@code null}
 * @since 0.1.0
 */
public record PollResults(@Nullable String pollId, @Nullable String chatId, @Nullable String title,
		List<Option> options, @Nullable Integer totalVotes) {

	/**
	 * Normalises the options.
	 * @param pollId the poll id
	 * @param chatId the chat
	 * @param title the title
	 * @param options the options
	 * @param totalVotes the number of votes
	 */
	public PollResults {
		options = BlooioJson.listOf(options);
	}

	/**
	 * One option and its votes.
	 *
	 * @param text the option text, or {@code null}
	 * @param votes the number of votes
	 */
	public record Option(@Nullable String text, int votes) {

	}

}
