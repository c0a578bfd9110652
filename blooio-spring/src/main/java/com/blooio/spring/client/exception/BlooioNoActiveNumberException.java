package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * The API key has no active number to answer with: Blooio's location endpoints signal
 * this with an HTTP 404 that carries no body at all (a 404 with a JSON error body stays a
 * plain {@link BlooioApiException}). Not retried; activate a number first.
 *
 * @since 0.1.0
 */
public class BlooioNoActiveNumberException extends BlooioApiException {

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with (status only)
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioNoActiveNumberException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	@Override
	public String getMessage() {
		return "Blooio " + getOperation() + " failed with HTTP " + getStatusCode()
				+ " and no body: the API key has no active number";
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
