package com.blooio.spring.model.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to replaying a logged webhook event: the outcome of the new delivery.
 *
 * @param success whether the endpoint answered with a 2xx status, or {@code null}
 * @param replayEventId the id of the new delivery, or {@code null}
 * @param originalEventId the replayed event, or {@code null}
 * @param webhookId the webhook id, or {@code null}
 * @param webhookUrl where it was delivered, or {@code null}
 * @param responseStatus the endpoint's HTTP status, or {@code null}
 * @param durationMs how long the delivery took, or {@code null}
 * @param responseData the endpoint's answer, or {@code null}
 * @since 0.1.0
 */
public record WebhookReplay(@Nullable Boolean success, @Nullable String replayEventId, @Nullable String originalEventId,
		@Nullable String webhookId, @Nullable String webhookUrl, @Nullable Integer responseStatus,
		@Nullable Long durationMs, @Nullable ResponseData responseData) {

	/**
	 * The endpoint's answer to a replayed delivery (Blooio names these fields in
	 * camelCase).
	 *
	 * @param body the response body, or {@code null}
	 * @param contentType the response content type, or {@code null}
	 * @param duration how long the delivery took in milliseconds, or {@code null}
	 * @param error the delivery error, or {@code null}
	 * @param errorType the kind of delivery error, or {@code null}
	 * @param headers the response headers as JSON text, or {@code null}
	 * @param size the response size in bytes, or {@code null}
	 */
	public record ResponseData(@Nullable String body, @JsonProperty("contentType") @Nullable String contentType,
			@Nullable Long duration, @Nullable String error, @JsonProperty("errorType") @Nullable String errorType,
			@Nullable String headers, @Nullable Long size) {

	}

}
