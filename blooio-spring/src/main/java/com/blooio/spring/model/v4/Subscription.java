package com.blooio.spring.model.v4;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A v4 webhook subscription.
 *
 * @param id the subscription id ({@code wh_...})
 * @param url where Blooio delivers
 * @param eventTypes what it receives: exact types, wildcards such as {@code message.*},
 * or {@code *}
 * @param status {@code active} or {@code disabled}, or {@code null}
 * @param channelId the one channel it is limited to, or {@code null} for all
 * @param channelType the channel type it is limited to, or {@code null}
 * @param createdAt when it was created, or {@code null}
 * @since 0.1.0
 */
public record Subscription(String id, @Nullable String url, List<String> eventTypes, @Nullable String status,
		@Nullable String channelId, @Nullable String channelType, @Nullable Instant createdAt) {

	/**
	 * Normalises the event types.
	 * @param id the id
	 * @param url the URL
	 * @param eventTypes the event types
	 * @param status the status
	 * @param channelId the channel id
	 * @param channelType the channel type
	 * @param createdAt the creation time
	 */
	public Subscription {
		eventTypes = (eventTypes != null) ? List.copyOf(eventTypes) : List.of();
	}

}
