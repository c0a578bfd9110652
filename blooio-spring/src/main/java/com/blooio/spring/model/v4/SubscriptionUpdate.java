package com.blooio.spring.model.v4;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a v4 subscription; what is {@code null} stays as it is.
 *
 * @param url the new URL, or {@code null}
 * @param eventTypes the new event types, or {@code null}
 * @param status {@code active} or {@code disabled}, or {@code null}
 * @since 0.1.0
 */
public record SubscriptionUpdate(@Nullable String url, @Nullable List<String> eventTypes, @Nullable String status) {

	/**
	 * Copies the event types.
	 * @param url the URL
	 * @param eventTypes the event types
	 * @param status the status
	 */
	public SubscriptionUpdate {
		eventTypes = (eventTypes != null) ? List.copyOf(eventTypes) : null;
	}

	/**
	 * Returns an update of the event types only.
	 * @param eventTypes the event types
	 * @return the update
	 */
	public static SubscriptionUpdate eventTypes(List<String> eventTypes) {
		return new SubscriptionUpdate(null, eventTypes, null);
	}

}
