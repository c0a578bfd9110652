package com.blooio.spring.model.v4;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One step in a message's life, from its v4 event list.
 *
 * @param id the event id ({@code evt_...})
 * @param messageId the message, or {@code null}
 * @param kind the bare step, e.g. {@code sent}, {@code delivered}, {@code read},
 * {@code reaction}
 * @param occurredAt when it happened, or {@code null}
 * @param metadata what else Blooio says about it
 * @since 0.1.0
 */
public record MessageFeedEvent(String id, @Nullable String messageId, @Nullable String kind,
		@Nullable Instant occurredAt, Map<String, Object> metadata) {

	/**
	 * Copies the metadata.
	 * @param id the id
	 * @param messageId the message id
	 * @param kind the kind
	 * @param occurredAt when it happened
	 * @param metadata the metadata
	 */
	public MessageFeedEvent {
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
	}

}
