package com.blooio.spring.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.model.v4.EventQuery;
import com.blooio.spring.model.v4.FeedEvent;
import com.blooio.spring.model.v4.MessageFeedEvent;

/**
 * Blooio's v4 event feed: the events webhooks deliver, readable after the fact, for
 * example to catch up on what an outage missed. Lists are read lazily, page by page, as
 * they are consumed; a feed that names no next page, or the same page again, ends.
 *
 * @since 0.1.0
 */
public interface V4EventOperations {

	/**
	 * Lists events.
	 * @param query which events, and how many per request
	 * @return the events, fetched page by page
	 */
	Flux<FeedEvent> list(EventQuery query);

	/**
	 * Fetches one event.
	 * @param eventId the event id ({@code evt_...})
	 * @return the event
	 */
	Mono<FeedEvent> get(String eventId);

	/**
	 * Lists the steps of one message's life (sent, delivered, read, reactions).
	 * @param chatId the chat, as the v4 API names it
	 * @param messageId the message
	 * @return the steps, fetched page by page
	 */
	Flux<MessageFeedEvent> forMessage(String chatId, String messageId);

}
