package com.blooio.spring.test.simulator.internal.v4;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The event feed: {@code GET /events} (filters {@code type}, which takes wildcards and
 * comma-separated lists, {@code chat_id} and {@code message_id}), {@code GET
 * /events/{eventId}} and a message's events, {@code GET
 * /chats/{chatId}/messages/{messageId}/events}. Newest first (see {@link Pages}).
 */
final class EventsV4Api {

	private final V4State state;

	private final BiPredicate<String, String> messageExists;

	/**
	 * Creates the endpoints.
	 * @param state the state
	 * @param messageExists whether a chat holds a message, by chat id and message id
	 */
	EventsV4Api(V4State state, BiPredicate<String, String> messageExists) {
		this.state = state;
		this.messageExists = messageExists;
	}

	V4Reply list(V4Request request) {
		Predicate<V4Event> filter = (event) -> true;
		String type = request.queryText("type");
		if (type != null) {
			List<String> tokens = Arrays.stream(type.split(",")).map(String::trim).toList();
			filter = filter.and((event) -> EventTypes.matches(tokens, event.type()));
		}
		String chatId = request.queryText("chat_id");
		if (chatId != null) {
			filter = filter.and((event) -> chatId.equals(event.chatId()));
		}
		String messageId = request.queryText("message_id");
		if (messageId != null) {
			filter = filter.and((event) -> messageId.equals(event.messageId()));
		}
		return V4Reply
			.ok(Pages.page(this.state.eventsNewestFirst(filter), V4Event::sequence, Envelopes::listed, request));
	}

	V4Reply get(String eventId) {
		V4Event event = this.state.event(eventId);
		if (event == null) {
			throw V4Error.notFound("Event");
		}
		return V4Reply.data(Envelopes.listed(event));
	}

	V4Reply messageEvents(V4Request request, String chatId, String messageId) {
		if (!this.messageExists.test(chatId, messageId)) {
			throw V4Error.notFound("Message");
		}
		List<V4Event> events = this.state.eventsNewestFirst(
				(event) -> messageId.equals(event.messageId()) && Objects.equals(chatId, event.chatId()));
		return V4Reply.ok(Pages.page(events, V4Event::sequence, Envelopes::messageEvent, request));
	}

}
