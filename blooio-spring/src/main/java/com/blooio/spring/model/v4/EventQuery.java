package com.blooio.spring.model.v4;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Which events to read from the v4 event feed.
 *
 * @param type an event type, exact or with a wildcard such as {@code message.*}, or
 * {@code null} for all
 * @param chatId only events of this chat, or {@code null}
 * @param messageId only events of this message, or {@code null}
 * @param pageSize events per request, 1 to 200
 * @since 0.1.0
 */
public record EventQuery(@Nullable String type, @Nullable String chatId, @Nullable String messageId, int pageSize) {

	/** Blooio's default page size. */
	public static final int DEFAULT_PAGE_SIZE = 50;

	/**
	 * Validates the query.
	 * @param type the type
	 * @param chatId the chat id
	 * @param messageId the message id
	 * @param pageSize the page size
	 */
	public EventQuery {
		Assert.isTrue(pageSize >= 1 && pageSize <= 200, "pageSize must be between 1 and 200");
	}

	/**
	 * Returns a query for every event.
	 * @return the query
	 */
	public static EventQuery all() {
		return new EventQuery(null, null, null, DEFAULT_PAGE_SIZE);
	}

	/**
	 * Returns a query for one type.
	 * @param type an exact type or a wildcard such as {@code message.*}
	 * @return the query
	 */
	public static EventQuery ofType(String type) {
		Assert.hasText(type, "type must not be empty");
		return new EventQuery(type, null, null, DEFAULT_PAGE_SIZE);
	}

	/**
	 * Returns a copy limited to one chat.
	 * @param chatId the chat id
	 * @return the query
	 */
	public EventQuery chat(String chatId) {
		return new EventQuery(this.type, chatId, this.messageId, this.pageSize);
	}

	/**
	 * Returns a copy limited to one message.
	 * @param messageId the message id
	 * @return the query
	 */
	public EventQuery message(String messageId) {
		return new EventQuery(this.type, this.chatId, messageId, this.pageSize);
	}

	/**
	 * Returns a copy with another page size.
	 * @param pageSize events per request, 1 to 200
	 * @return the query
	 */
	public EventQuery pageSize(int pageSize) {
		return new EventQuery(this.type, this.chatId, this.messageId, pageSize);
	}

}
