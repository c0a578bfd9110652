package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * No sender number is online (HTTP 503): the device behind your number is offline or
 * locked. Not retried automatically; it usually needs someone to act.
 *
 * @since 0.1.0
 */
public class BlooioNoActiveDeviceException extends BlooioApiException {

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioNoActiveDeviceException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
