package com.blooio.spring.client.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.ChatOperations;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

/**
 * {@link ChatOperations} over {@link ApiClient}.
 */
final class TemplateChats implements ChatOperations {

	private static final String BACKGROUND_PART = "background";

	private static final int MIN_POLL_OPTIONS = 2;

	private static final int MAX_POLL_OPTIONS = 10;

	private final ApiClient api;

	private final SearchableListing<Chat> listing;

	TemplateChats(ApiClient api) {
		this.api = api;
		this.listing = new SearchableListing<>(api, "listChats", "/chats", "chats", Chat.class);
	}

	@Override
	public Mono<Page<Chat>> list(ChatQuery query) {
		Assert.notNull(query, "query must not be null");
		return this.listing.page(search(query));
	}

	@Override
	public Flux<Chat> listAll(ChatQuery query) {
		Assert.notNull(query, "query must not be null");
		return this.listing.all(search(query));
	}

	private static SearchableListing.Search search(ChatQuery query) {
		return new SearchableListing.Search(query.limit(), query.offset(), query.search(),
				(query.sort() != null) ? query.sort().wireValue() : null);
	}

	@Override
	public Mono<Chat> get(String chatId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("getChat", "/chats/{chatId}", chatId).build(this.api.settings().baseUrl()), Chat.class));
	}

	@Override
	public Mono<ChatReadReceipt> markRead(String chatId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.post("markChatRead", "/chats/{chatId}/read", chatId).build(this.api.settings().baseUrl()),
				ChatReadReceipt.class));
	}

	@Override
	public Mono<TypingStatus> startTyping(String chatId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.post("startTyping", "/chats/{chatId}/typing", chatId).build(this.api.settings().baseUrl()),
				TypingStatus.class));
	}

	@Override
	public Mono<TypingStatus> stopTyping(String chatId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.delete("stopTyping", "/chats/{chatId}/typing", chatId).build(this.api.settings().baseUrl()),
				TypingStatus.class));
	}

	@Override
	public Mono<ContactCardShared> shareContactCard(String chatId) {
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.post("shareContactCard", "/chats/{chatId}/contact-card", chatId)
				.build(this.api.settings().baseUrl()), ContactCardShared.class));
	}

	@Override
	public Mono<ChatBackground> background(String chatId) {
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.get("getChatBackground", "/chats/{chatId}/background", chatId)
				.build(this.api.settings().baseUrl()), ChatBackground.class));
	}

	@Override
	public Mono<ChatBackground> setBackground(String chatId, Resource image, MediaType contentType) {
		Assert.notNull(image, "image must not be null");
		Assert.notNull(contentType, "contentType must not be null");
		return Mono.defer(() -> {
			MultipartBodyBuilder parts = new MultipartBodyBuilder();
			MultipartBodyBuilder.PartBuilder part = parts.part(BACKGROUND_PART, image).contentType(contentType);
			if (image.getFilename() == null) {
				part.filename(BACKGROUND_PART);
			}
			return uploadBackground(chatId, parts.build());
		});
	}

	@Override
	public Mono<ChatBackground> setBackground(String chatId, byte[] image, String filename, MediaType contentType) {
		Assert.isTrue(image != null && image.length > 0, "image must not be empty");
		Assert.hasText(filename, "filename must not be empty");
		Assert.notNull(contentType, "contentType must not be null");
		return Mono.defer(() -> {
			MultipartBodyBuilder parts = new MultipartBodyBuilder();
			parts.part(BACKGROUND_PART, image).filename(filename).contentType(contentType);
			return uploadBackground(chatId, parts.build());
		});
	}

	private Mono<ChatBackground> uploadBackground(String chatId, MultiValueMap<String, HttpEntity<?>> parts) {
		ApiRequest call = ApiRequest.put("setChatBackground", "/chats/{chatId}/background", chatId)
			.multipart(parts)
			.build(this.api.settings().baseUrl());
		return this.api.retrieve(call, ChatBackground.class);
	}

	@Override
	public Mono<ChatBackground> removeBackground(String chatId) {
		return Mono.defer(
				() -> this.api.retrieve(ApiRequest.delete("removeChatBackground", "/chats/{chatId}/background", chatId)
					.build(this.api.settings().baseUrl()), ChatBackground.class));
	}

	@Override
	public Mono<PollSent> sendPoll(String chatId, @Nullable String title, List<String> options) {
		Assert.notNull(options, "options must not be null");
		Assert.isTrue(options.size() >= MIN_POLL_OPTIONS && options.size() <= MAX_POLL_OPTIONS, () -> "A poll needs "
				+ MIN_POLL_OPTIONS + " to " + MAX_POLL_OPTIONS + " options, got " + options.size());
		for (String option : options) {
			Assert.isTrue(option != null && !option.isBlank(), "options must not be empty");
		}
		PollBody body = new PollBody(List.copyOf(options), (title != null && !title.isBlank()) ? title : null);
		return Mono.defer(() -> this.api.retrieve(ApiRequest.post("sendPoll", "/chats/{chatId}/polls", chatId)
			.body(this.api.json().write(body))
			.build(this.api.settings().baseUrl()), PollSent.class));
	}

	@Override
	public Mono<PollResults> pollResults(String chatId, String pollId) {
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.get("getPollResults", "/chats/{chatId}/polls/{pollId}", chatId, pollId)
				.build(this.api.settings().baseUrl()), PollResults.class));
	}

	/**
	 * The body of a poll: options first, title only when given.
	 */
	record PollBody(List<String> options, @Nullable String title) {

	}

}
