package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Blooio has announced the endpoint but does not serve it yet (HTTP 501, {@code "Coming
 * soon"}). Not retried: it will fail the same way until Blooio ships it.
 *
 * @since 0.1.0
 */
public class BlooioNotYetAvailableException extends BlooioApiException {

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioNotYetAvailableException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
