package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Blooio refused the API key (HTTP 401). Check {@code blooio.api-key}.
 *
 * @since 0.1.0
 */
public class BlooioAuthenticationException extends BlooioApiException {

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioAuthenticationException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
