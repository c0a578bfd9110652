package com.blooio.spring.client.internal;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.MessageOperations;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.MessageQuery;
import com.blooio.spring.model.message.MessageStatus;
import com.blooio.spring.model.message.ReactionRequest;
import com.blooio.spring.model.message.ReactionResult;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.message.SendMessageResponse;

import org.springframework.util.Assert;

/**
 * {@link MessageOperations} over {@link ApiClient}.
 */
final class TemplateMessages implements MessageOperations {

	private static final Pattern RELATIVE_INDEX = Pattern.compile("-[1-9][0-9]*");

	private final ApiClient api;

	TemplateMessages(ApiClient api) {
		this.api = api;
	}

	@Override
	public Mono<SendMessageResponse> send(String chatId, SendMessageRequest request) {
		Assert.notNull(request, "request must not be null");
		return Mono.defer(() -> {
			SendMessageRequest effective = withDefaultSender(request);
			String key = (request.getIdempotencyKey() != null) ? request.getIdempotencyKey()
					: UUID.randomUUID().toString();
			ApiRequest call = ApiRequest.post("sendMessage", "/chats/{chatId}/messages", chatId)
				.body(this.api.json().write(effective))
				.idempotencyKey(key)
				.build(this.api.settings().baseUrl());
			return this.api.retrieve(call,
					(response) -> this.api.json()
						.read(response.body(), SendMessageResponse.class)
						.withDelivery(key, response.status() == 200));
		});
	}

	private SendMessageRequest withDefaultSender(SendMessageRequest request) {
		String defaultFrom = this.api.settings().defaultFromNumber();
		if (request.getFromNumber() != null || defaultFrom == null) {
			return request;
		}
		return request.toBuilder().fromNumber(defaultFrom).build();
	}

	@Override
	public Mono<Message> get(String chatId, String messageId) {
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.get("getMessage", "/chats/{chatId}/messages/{messageId}", chatId, messageId)
				.build(this.api.settings().baseUrl()), Message.class));
	}

	@Override
	public Mono<MessageStatus> status(String chatId, String messageId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("getMessageStatus", "/chats/{chatId}/messages/{messageId}/status", chatId, messageId)
					.build(this.api.settings().baseUrl()),
				MessageStatus.class));
	}

	@Override
	public Mono<Page<Message>> list(String chatId, MessageQuery query) {
		Assert.notNull(query, "query must not be null");
		return Mono.defer(() -> listPage(chatId, query, (query.offset() != null) ? query.offset() : 0));
	}

	@Override
	public Flux<Message> listAll(String chatId, MessageQuery query) {
		Assert.notNull(query, "query must not be null");
		return Paginator.items((query.offset() != null) ? query.offset() : 0,
				(offset) -> listPage(chatId, query, offset));
	}

	private Mono<Page<Message>> listPage(String chatId, MessageQuery query, int offset) {
		int limit = (query.limit() != null) ? query.limit() : Paginator.DEFAULT_PAGE_SIZE;
		ApiRequest call = ApiRequest.get("listChatMessages", "/chats/{chatId}/messages", chatId)
			.query("limit", query.limit())
			.query("offset", (offset != 0 || query.offset() != null) ? offset : null)
			.query("sort", (query.sort() != null) ? query.sort().wireValue() : null)
			.query("direction", (query.direction() != null) ? query.direction().wireValue() : null)
			.query("since", (query.since() != null) ? query.since().toEpochMilli() : null)
			.query("until", (query.until() != null) ? query.until().toEpochMilli() : null)
			.build(this.api.settings().baseUrl());
		return this.api.retrieve(call, (response) -> this.api.json()
			.readPage(response.body(), "messages", Message.class, offset, limit, "chat_id"));
	}

	@Override
	public Mono<ReactionResult> react(String chatId, String messageId, ReactionRequest reaction) {
		Assert.notNull(reaction, "reaction must not be null");
		Assert.isTrue(reaction.direction() == null || RELATIVE_INDEX.matcher(messageId).matches(),
				"A reaction direction applies only to a relative message index such as \"-1\"");
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.post("addReaction", "/chats/{chatId}/messages/{messageId}/reactions", chatId, messageId)
					.body(this.api.json().write(reaction))
					.build(this.api.settings().baseUrl()),
				ReactionResult.class));
	}

}
