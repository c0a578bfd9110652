package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Blooio refused to create a webhook subscription for a new URL (HTTP 410 Gone).
 * <p>
 * The v2 API no longer creates subscriptions for URLs it does not already know: it only
 * answers idempotently for an existing URL. Create the subscription in the Blooio
 * dashboard or through the v4 API instead, then set its signing secret as
 * {@code blooio.webhook.secret}. Not retried: it will fail the same way every time.
 *
 * @since 0.1.0
 */
public class BlooioWebhookCreationRetiredException extends BlooioApiException {

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioWebhookCreationRetiredException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
