package com.blooio.spring.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.model.Page;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.MessageQuery;
import com.blooio.spring.model.message.MessageStatus;
import com.blooio.spring.model.message.ReactionRequest;
import com.blooio.spring.model.message.ReactionResult;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.message.SendMessageResponse;

/**
 * Messages in a chat: send, read, list and react.
 * <p>
 * A {@code chatId} is an E.164 phone number ({@code +15551234567}), an email address, a
 * group id ({@code grp_...}), or a comma-separated list of phones and emails (which
 * creates or reuses an unnamed group). Pass it as is; it is percent-encoded on the wire.
 *
 * @since 0.1.0
 */
public interface MessageOperations {

	/**
	 * Sends a message. The call carries an {@code Idempotency-Key} (the request's own, or
	 * a generated UUID) and keeps it on every retry, so a retried send never produces a
	 * second message. Completion means Blooio queued the message, not that it was
	 * delivered.
	 * @param chatId the recipient chat
	 * @param request what to send
	 * @return Blooio's answer, with the key used and whether it was an idempotent replay
	 */
	Mono<SendMessageResponse> send(String chatId, SendMessageRequest request);

	/**
	 * Sends one text message.
	 * @param chatId the recipient chat
	 * @param text the text
	 * @return Blooio's answer
	 */
	default Mono<SendMessageResponse> send(String chatId, String text) {
		return send(chatId, SendMessageRequest.text(text));
	}

	/**
	 * Fetches one message.
	 * @param chatId the chat
	 * @param messageId the message id
	 * @return the message
	 */
	Mono<Message> get(String chatId, String messageId);

	/**
	 * Fetches the delivery status of one message.
	 * @param chatId the chat
	 * @param messageId the message id
	 * @return the status
	 */
	Mono<MessageStatus> status(String chatId, String messageId);

	/**
	 * Lists one page of a chat's messages.
	 * @param chatId the chat
	 * @param query filters and paging
	 * @return the page
	 */
	Mono<Page<Message>> list(String chatId, MessageQuery query);

	/**
	 * Lists every message matching the query, page by page, fetching the next page only
	 * when the subscriber asks for more.
	 * @param chatId the chat
	 * @param query filters, page size and start offset
	 * @return the messages
	 */
	Flux<Message> listAll(String chatId, MessageQuery query);

	/**
	 * Adds or removes a reaction on a message.
	 * @param chatId the chat
	 * @param messageId the message id, or a relative index such as {@code "-1"} for the
	 * last message (narrow it with {@link ReactionRequest#inDirection})
	 * @param reaction the reaction
	 * @return Blooio's answer
	 */
	Mono<ReactionResult> react(String chatId, String messageId, ReactionRequest reaction);

}
