package com.blooio.spring.model.message;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.json.BlooioJson;

/**
 * Blooio's answer to sending a poll.
 *
 * @param pollId the poll id, for {@code pollResults}, or {@code null}
 * @param chatId the chat, or {@code null}
 * @param poll the poll as sent, or {@code null}
 * @param sentAt when it was sent, or {@code null}
 * @since 0.1.0
 */
public record PollSent(@Nullable String pollId, @Nullable String chatId, @Nullable Poll poll,
		@Nullable Instant sentAt) {

	/**
	 * A poll as sent.
	 *
	 * @param title the title, or {@code null}
	 * @param options the options, never {@code null}
	 */
	public record Poll(@Nullable String title, List<String> options) {

		/**
		 * Normalises the options.
		 * @param title the title
		 * @param options the options
		 */
		public Poll {
			options = BlooioJson.listOf(options);
		}

	}

}
