package com.blooio.spring.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.model.Chat;
import com.blooio.spring.client.model.ChatQuery;
import com.blooio.spring.client.model.ChatReadReceipt;
import com.blooio.spring.client.model.Page;
import com.blooio.spring.client.model.TypingStatus;

import org.springframework.util.Assert;

/**
 * {@link ChatOperations} over {@link ApiClient}.
 */
final class TemplateChats implements ChatOperations {

	private final ApiClient api;

	TemplateChats(ApiClient api) {
		this.api = api;
	}

	@Override
	public Mono<Page<Chat>> list(ChatQuery query) {
		Assert.notNull(query, "query must not be null");
		return Mono.defer(() -> listPage(query, (query.offset() != null) ? query.offset() : 0));
	}

	@Override
	public Flux<Chat> listAll(ChatQuery query) {
		Assert.notNull(query, "query must not be null");
		return Paginator.items((query.offset() != null) ? query.offset() : 0, (offset) -> listPage(query, offset));
	}

	private Mono<Page<Chat>> listPage(ChatQuery query, int offset) {
		int limit = (query.limit() != null) ? query.limit() : TemplateMessages.DEFAULT_PAGE_SIZE;
		ApiRequest call = ApiRequest.get("listChats", "/chats")
			.query("limit", query.limit())
			.query("offset", (offset != 0 || query.offset() != null) ? offset : null)
			.query("q", query.search())
			.query("sort", (query.sort() != null) ? query.sort().wireValue() : null)
			.build(this.api.settings().baseUrl());
		return this.api.retrieve(call,
				(response) -> this.api.json().readPage(response.body(), "chats", Chat.class, offset, limit));
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

}
