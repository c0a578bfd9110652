package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Blooio rate-limited the request (HTTP 429 without a quota code). Retried automatically,
 * honouring {@code Retry-After}; raised when retries run out.
 *
 * @since 0.1.0
 */
public class BlooioRateLimitedException extends BlooioApiException {

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioRateLimitedException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
