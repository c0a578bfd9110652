package com.blooio.spring.model.message;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reaction on a message.
 *
 * @param reaction tapback name ({@code love}, {@code like}, ...) or emoji
 * @param isAdded whether the reaction is currently added
 * @param timeSent when it was sent
 * @param sender who reacted, or {@code null} when it was you
 * @since 0.1.0
 */
public record MessageReaction(@Nullable String reaction, @Nullable Boolean isAdded, @Nullable Instant timeSent,
		@Nullable String sender) {

}
