package com.blooio.spring.model.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.model.message.Direction;

/**
 * Summary of the latest message in a chat.
 *
 * @param messageId Blooio message id
 * @param text text, or {@code null}
 * @param direction inbound or outbound
 * @param timeSent when it was sent
 * @since 0.1.0
 */
public record LastMessage(@Nullable String messageId, @Nullable String text, @Nullable Direction direction,
		@Nullable Instant timeSent) {

}
