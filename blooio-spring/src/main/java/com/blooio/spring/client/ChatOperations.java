package com.blooio.spring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.model.Page;
import com.blooio.spring.model.chat.Chat;
import com.blooio.spring.model.chat.ChatBackground;
import com.blooio.spring.model.chat.ChatQuery;
import com.blooio.spring.model.chat.ChatReadReceipt;
import com.blooio.spring.model.chat.TypingStatus;
import com.blooio.spring.model.contact.ContactCardShared;
import com.blooio.spring.model.message.PollResults;
import com.blooio.spring.model.message.PollSent;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/**
 * Conversations: list and read them, mark them read, show typing, share the contact card,
 * set the background, send polls.
 *
 * @see MessageOperations for what a {@code chatId} may be
 * @since 0.1.0
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

	/**
	 * Stages the account's contact card (name and photo): it goes out with the next
	 * outgoing message to the chat. Idempotent.
	 * @param chatId the chat
	 * @return Blooio's answer
	 */
	Mono<ContactCardShared> shareContactCard(String chatId);

	/**
	 * Fetches the chat's background (wallpaper).
	 * @param chatId the chat
	 * @return the background
	 */
	Mono<ChatBackground> background(String chatId);

	/**
	 * Sets the chat's background from an image (JPEG, PNG, GIF, WebP, HEIC or HEIF, at
	 * most 10 MB), uploaded as the multipart part {@code background}. Retries write the
	 * resource again, so it must be re-readable.
	 * @param chatId the chat
	 * @param image the image; its file name is sent when it has one
	 * @param contentType the image's media type
	 * @return the new background
	 */
	Mono<ChatBackground> setBackground(String chatId, Resource image, MediaType contentType);

	/**
	 * Sets the chat's background from image bytes (JPEG, PNG, GIF, WebP, HEIC or HEIF, at
	 * most 10 MB), uploaded as the multipart part {@code background}.
	 * @param chatId the chat
	 * @param image the image bytes
	 * @param filename the file name to send
	 * @param contentType the image's media type
	 * @return the new background
	 */
	Mono<ChatBackground> setBackground(String chatId, byte[] image, String filename, MediaType contentType);

	/**
	 * Reverts the chat's background to the default.
	 * @param chatId the chat
	 * @return the background
	 */
	Mono<ChatBackground> removeBackground(String chatId);

	/**
	 * Sends a poll. The options are checked before anything is sent.
	 * @param chatId the chat
	 * @param title the title, or {@code null}
	 * @param options 2 to 10 non-empty options
	 * @return Blooio's answer, with the poll id for {@link #pollResults(String, String)}
	 * @throws IllegalArgumentException when there are fewer than 2 or more than 10
	 * options, or an option is empty
	 */
	Mono<PollSent> sendPoll(String chatId, @Nullable String title, List<String> options);

	/**
	 * Fetches the votes of a poll.
	 * @param chatId the chat
	 * @param pollId the poll id, from {@link PollSent#pollId()} or the
	 * {@code poll.created}/{@code poll.received} webhook
	 * @return the votes
	 */
	Mono<PollResults> pollResults(String chatId, String pollId);

}
