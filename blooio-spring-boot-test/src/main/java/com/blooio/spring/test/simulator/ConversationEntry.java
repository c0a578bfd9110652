package com.blooio.spring.test.simulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation in the simulator, inbound or outbound.
 *
 * @param direction {@code inbound} or {@code outbound}
 * @param messageId the message id
 * @param text the text, or {@code null}
 * @param status the current status: {@code queued}, {@code sent}, {@code delivered},
 * {@code read} for outbound messages, {@code received} for inbound ones
 * @param at when the message was sent or received
 * @since 0.1.0
 */
public record ConversationEntry(String direction, String messageId, @Nullable String text, String status, Instant at) {

}
