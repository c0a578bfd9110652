package com.blooio.spring.model.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Result of marking a chat read (a read receipt was sent).
 *
 * @param chatId the chat
 * @param status {@code read}
 * @param markedAt when it was marked
 * @since 0.1.0
 */
public record ChatReadReceipt(@Nullable String chatId, @Nullable String status, @Nullable Instant markedAt) {

}
