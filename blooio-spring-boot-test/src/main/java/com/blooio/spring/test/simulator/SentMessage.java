package com.blooio.spring.test.simulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A send the simulator accepted ({@code POST /chats/{chatId}/messages} answered 202).
 * Idempotent replays and refused sends are not recorded.
 *
 * @param messageId id of the (first) message created; a text array creates one message
 * per text, with ids in the response's {@code message_ids}
 * @param chatId the chat id, percent-decoded (e.g. {@code +15551234567})
 * @param rawPath the request path exactly as received (e.g.
 * {@code /v2/api/chats/%2B15551234567/messages})
 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
 * @param authorization the {@code Authorization} header
 * @param text the text of a single-text send, or {@code null} (text array, attachments or
 * parts only)
 * @param texts every text sent: one for a single text, several for a text array, the text
 * parts for a {@code parts} send
 * @param json the raw request body
 * @param at when the simulator accepted it
 * @since 0.1.0
 */
public record SentMessage(String messageId, String chatId, String rawPath, @Nullable String idempotencyKey,
		String authorization, @Nullable String text, List<String> texts, String json, Instant at) {

	/**
	 * Copies the texts.
	 * @param messageId id of the first message
	 * @param chatId the decoded chat id
	 * @param rawPath the raw request path
	 * @param idempotencyKey the idempotency key
	 * @param authorization the authorization header
	 * @param text the single text
	 * @param texts every text
	 * @param json the raw body
	 * @param at when it was accepted
	 */
	public SentMessage {
		texts = List.copyOf(texts);
	}

}
