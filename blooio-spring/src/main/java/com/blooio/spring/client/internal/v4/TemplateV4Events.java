package com.blooio.spring.client.internal.v4;

import java.net.URI;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import com.blooio.spring.client.internal.ApiClient;
import com.blooio.spring.client.internal.ApiRequest;
import com.blooio.spring.client.V4EventOperations;
import com.blooio.spring.model.v4.EventQuery;
import com.blooio.spring.model.v4.FeedEvent;
import com.blooio.spring.model.v4.MessageFeedEvent;

/**
 * {@link V4EventOperations} over {@link ApiClient}, at the v4 base URL.
 */
final class TemplateV4Events implements V4EventOperations {

	private final ApiClient api;

	TemplateV4Events(ApiClient api) {
		this.api = api;
	}

	@Override
	public Flux<FeedEvent> list(EventQuery query) {
		Assert.notNull(query, "query must not be null");
		return V4Paging.all((cursor) -> Mono.defer(() -> this.api.retrieve(ApiRequest.get("v4.listEvents", "/events")
			.query("type", query.type())
			.query("chat_id", query.chatId())
			.query("message_id", query.messageId())
			.query("limit", query.pageSize())
			.query("cursor", cursor)
			.build(base()), (response) -> V4Json.page(response.body(), V4Json::feedEvent))));
	}

	@Override
	public Mono<FeedEvent> get(String eventId) {
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.get("v4.getEvent", "/events/{eventId}", eventId).build(base()),
					(response) -> V4Json.feedEvent(V4Json.data(response.body()))));
	}

	@Override
	public Flux<MessageFeedEvent> forMessage(String chatId, String messageId) {
		Assert.hasText(chatId, "chatId must not be empty");
		Assert.hasText(messageId, "messageId must not be empty");
		return V4Paging.all(
				(cursor) -> Mono.defer(
						() -> this.api.retrieve(
								ApiRequest
									.get("v4.listMessageEvents", "/chats/{chatId}/messages/{messageId}/events", chatId,
											messageId)
									.query("limit", EventQuery.DEFAULT_PAGE_SIZE)
									.query("cursor", cursor)
									.build(base()),
								(response) -> V4Json.page(response.body(), V4Json::messageFeedEvent))));
	}

	private URI base() {
		return this.api.settings().v4BaseUrl();
	}

}
