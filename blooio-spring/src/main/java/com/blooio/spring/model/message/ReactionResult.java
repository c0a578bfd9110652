package com.blooio.spring.model.message;

import org.jspecify.annotations.Nullable;

/**
 * Result of adding or removing a reaction.
 *
 * @param success whether Blooio applied it
 * @param messageId the message reacted to
 * @param reaction the reaction, without sign
 * @param action {@code add} or {@code remove}
 * @since 0.1.0
 */
public record ReactionResult(@Nullable Boolean success, @Nullable String messageId, @Nullable String reaction,
		@Nullable String action) {

}
