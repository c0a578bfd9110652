package com.blooio.spring.webhook.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a webhook event arrived. {@code eventId}, {@code signedAt} and {@code createdAt}
 * come from the verified delivery; {@code unverifiedHeaders} are what the request's
 * unsigned headers claimed, shown for information and never used to decide what is
 * published or how often.
 *
 * @param eventId the event's own id ({@code evt_...} in a v4 envelope), or {@code null}
 * for v2 deliveries, which carry none
 * @param signedAt the signature timestamp, or {@code null} when unsigned deliveries are
 * allowed and this one was not signed
 * @param createdAt when Blooio created the event (v4 {@code created_at}), or {@code null}
 * @param unverifiedHeaders what the unsigned headers said; anyone can set them
 * @since 0.1.0
 */
public record WebhookDelivery(@Nullable String eventId, @Nullable Instant signedAt, @Nullable Instant createdAt,
		UnverifiedHeaders unverifiedHeaders) {

	/**
	 * Normalises the headers.
	 * @param eventId the event id
	 * @param signedAt the signature time
	 * @param createdAt the creation time
	 * @param unverifiedHeaders the unsigned headers
	 */
	public WebhookDelivery {
		unverifiedHeaders = (unverifiedHeaders != null) ? unverifiedHeaders : UnverifiedHeaders.NONE;
	}

	/**
	 * What a delivery's unsigned headers claimed. Not covered by the signature: anyone
	 * who can reach the endpoint can set them, so they are information only.
	 *
	 * @param event {@code X-Blooio-Event}, or {@code null}
	 * @param messageId {@code X-Blooio-Message-Id}, or {@code null}
	 * @param replay whether {@code X-Blooio-Replay} was {@code true}
	 * @param originalEventId {@code X-Original-Event-Id}, or {@code null}
	 */
	public record UnverifiedHeaders(@Nullable String event, @Nullable String messageId, boolean replay,
			@Nullable String originalEventId) {

		/** No such headers. */
		public static final UnverifiedHeaders NONE = new UnverifiedHeaders(null, null, false, null);

	}

}
