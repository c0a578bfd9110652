package com.blooio.spring.model.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Result of starting or stopping the typing indicator (iMessage only).
 *
 * @param chatId the chat
 * @param typing whether the indicator is now shown
 * @param startedAt when typing started (start only)
 * @param stoppedAt when typing stopped (stop only)
 * @param warning set when nothing was shown, e.g. on an RCS chat
 * @since 0.1.0
 */
public record TypingStatus(@Nullable String chatId, @Nullable Boolean typing, @Nullable Instant startedAt,
		@Nullable Instant stoppedAt, @Nullable String warning) {

}
