package com.blooio.spring.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.model.Chat;
import com.blooio.spring.client.model.ChatQuery;
import com.blooio.spring.client.model.ChatReadReceipt;
import com.blooio.spring.client.model.Page;
import com.blooio.spring.client.model.TypingStatus;

/**
 * Conversations: list and read them, mark them read, show typing.
 *
 * @see MessageOperations for what a {@code chatId} may be
 */
public interface ChatOperations {

	/**
	 * Lists one page of chats, most recent first unless the query sorts otherwise.
	 * @param query search and paging
	 * @return the page
	 */
	Mono<Page<Chat>> list(ChatQuery query);

	/**
	 * Lists every chat matching the query, fetching the next page only when the
	 * subscriber asks for more.
	 * @param query search, page size and start offset
	 * @return the chats
	 */
	Flux<Chat> listAll(ChatQuery query);

	/**
	 * Fetches one chat.
	 * @param chatId the chat
	 * @return the chat
	 */
	Mono<Chat> get(String chatId);

	/**
	 * Marks every message in the chat read and sends a read receipt.
	 * @param chatId the chat
	 * @return Blooio's answer
	 */
	Mono<ChatReadReceipt> markRead(String chatId);

	/**
	 * Shows the typing indicator (iMessage only; on RCS chats Blooio answers with a
	 * warning).
	 * @param chatId the chat
	 * @return Blooio's answer
	 */
	Mono<TypingStatus> startTyping(String chatId);

	/**
	 * Hides the typing indicator.
	 * @param chatId the chat
	 * @return Blooio's answer
	 */
	Mono<TypingStatus> stopTyping(String chatId);

}
