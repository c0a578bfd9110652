package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * No usable HTTP response was received: the connection failed or dropped.
 *
 * @since 0.1.0
 */
public class BlooioTransportException extends BlooioException {

	private final boolean requestSent;

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param message the detail message
	 * @param requestSent whether the request may have reached Blooio
	 * @param cause the cause, or {@code null}
	 */
	public BlooioTransportException(String operation, String message, boolean requestSent, @Nullable Throwable cause) {
		super(operation, message, cause);
		this.requestSent = requestSent;
	}

	/**
	 * Returns whether the request may have reached Blooio before the failure;
	 * {@code false} means it certainly did not (the connection could not be opened).
	 * @return whether the request may have been processed
	 */
	public boolean isRequestSent() {
		return this.requestSent;
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
