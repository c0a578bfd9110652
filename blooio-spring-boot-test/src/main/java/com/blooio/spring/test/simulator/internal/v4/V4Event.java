package com.blooio.spring.test.simulator.internal.v4;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One event in the feed. Its {@code id} is the same in the feed and in every delivery and
 * replay of it: receivers de-duplicate by it.
 *
 * @param sequence the recording order, larger for newer events
 * @param id the event id, {@code evt_...}
 * @param type the event type, e.g. {@code message.delivered}
 * @param messageId the message it is about, or {@code null}
 * @param chatId the chat it happened in, or {@code null}
 * @param occurredAt when it happened, epoch milliseconds
 * @param data the event's fields
 */
record V4Event(long sequence, String id, String type, @Nullable String messageId, @Nullable String chatId,
		long occurredAt, Map<String, Object> data) {

	static final String CHANNEL_TYPE = "blooio";

}
