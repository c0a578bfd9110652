package com.blooio.spring.model.contact;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to sharing the account's contact card in a chat: the card is staged and
 * goes out with the next outgoing message to that chat.
 *
 * @param success whether Blooio reported success, or {@code null}
 * @param chatId the chat, or {@code null}
 * @param message Blooio's note, or {@code null}
 * @since 0.1.0
 */
public record ContactCardShared(@Nullable Boolean success, @Nullable String chatId, @Nullable String message) {

}
