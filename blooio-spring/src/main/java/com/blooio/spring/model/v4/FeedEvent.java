package com.blooio.spring.model.v4;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event from Blooio's v4 event feed: the same events, with the same ids, as v4
 * webhooks deliver.
 *
 * @param id the event id ({@code evt_...})
 * @param type the event type, e.g. {@code message.delivered}
 * @param messageId the message it is about, or {@code null}
 * @param chatId the chat it is about, or {@code null}
 * @param channelType the channel type, or {@code null}
 * @param occurredAt when it happened, or {@code null}
 * @param data the event's fields
 * @param json the event as Blooio sent it, for
 * {@code com.blooio.spring.webhook.BlooioWebhookHandler} to publish it as the typed event
 * a webhook would have
 * @since 0.1.0
 */
public record FeedEvent(String id, String type, @Nullable String messageId, @Nullable String chatId,
		@Nullable String channelType, @Nullable Instant occurredAt, Map<String, Object> data, String json) {

	/**
	 * Copies the data.
	 * @param id the id
	 * @param type the type
	 * @param messageId the message id
	 * @param chatId the chat id
	 * @param channelType the channel type
	 * @param occurredAt when it happened
	 * @param data the data
	 * @param json the JSON
	 */
	public FeedEvent {
		data = (data != null) ? Map.copyOf(data) : Map.of();
	}

}
