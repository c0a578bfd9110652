package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Blooio answered with a success status but a body that could not be read.
 *
 * @since 0.1.0
 */
public class BlooioInvalidResponseException extends BlooioException {

	private final int statusCode;

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param statusCode the HTTP status received
	 * @param cause the parse failure
	 */
	public BlooioInvalidResponseException(String operation, int statusCode, @Nullable Throwable cause) {
		super(operation, "Blooio " + operation + " returned HTTP " + statusCode + " with an unreadable body", cause);
		this.statusCode = statusCode;
	}

	/**
	 * Returns the HTTP status received.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
