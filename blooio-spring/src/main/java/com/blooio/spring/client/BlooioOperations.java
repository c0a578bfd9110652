package com.blooio.spring.client;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.exception.BlooioException;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.message.SendMessageResponse;

/**
 * The Blooio v2 API, reactive, grouped by resource as Blooio's own SDKs group it:
 * <pre class="code">
 * blooio.send("+15551234567", "Hello!");
 * blooio.messages().listAll("+15551234567", MessageQuery.defaults());
 * blooio.chats().markRead("+15551234567");
 * blooio.groups().create(CreateGroupRequest.of("Sales Team"));
 * blooio.account().numbers();
 * </pre> Errors arrive as {@link BlooioException}s. Implemented by
 * {@link BlooioTemplate}; depend on this interface to swap in a stub in tests.
 *
 * @since 0.1.0
 */
public interface BlooioOperations {

	/**
	 * Returns message operations: send, get, status, list, react.
	 * @return the message operations
	 */
	MessageOperations messages();

	/**
	 * Returns chat operations: list, get, mark read, typing, contact card, background,
	 * polls.
	 * @return the chat operations
	 */
	ChatOperations chats();

	/**
	 * Returns contact operations: capabilities.
	 * @return the contact operations
	 */
	ContactOperations contacts();

	/**
	 * Returns group operations: create, list, rename, delete, icon, members.
	 * @return the group operations
	 */
	GroupOperations groups();

	/**
	 * Returns account operations: the key's context and numbers.
	 * @return the account operations
	 */
	AccountOperations account();

	/**
	 * Returns location operations: the locations contacts share with your number.
	 * @return the location operations
	 */
	LocationOperations location();

	/**
	 * Returns FaceTime operations: start a call.
	 * @return the FaceTime operations
	 */
	FaceTimeOperations facetime();

	/**
	 * Returns phone-number operations: lookup, single and batch (Enterprise plan).
	 * @return the phone-number operations
	 */
	PhoneNumberOperations phoneNumbers();

	/**
	 * Returns webhook operations: subscriptions, signing secret, delivery logs, replay.
	 * @return the webhook operations
	 */
	WebhookOperations webhooks();

	/**
	 * Returns operations of Blooio's v4 API: webhook subscriptions (where Blooio
	 * subscribes new webhooks) and the event feed.
	 * @return the v4 operations
	 */
	V4Operations v4();

	/**
	 * Sends one text message; shorthand for {@code messages().send(chatId, text)}.
	 * @param chatId phone (E.164), email, group id, or comma-separated list
	 * @param text the text
	 * @return Blooio's answer
	 */
	default Mono<SendMessageResponse> send(String chatId, String text) {
		return messages().send(chatId, text);
	}

	/**
	 * Sends a message; shorthand for {@code messages().send(chatId, request)}.
	 * @param chatId phone (E.164), email, group id, or comma-separated list
	 * @param request what to send
	 * @return Blooio's answer
	 */
	default Mono<SendMessageResponse> send(String chatId, SendMessageRequest request) {
		return messages().send(chatId, request);
	}

}
