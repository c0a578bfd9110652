package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception the Blooio client raises. Unchecked; messages never
 * contain the API key.
 *
 * @since 0.1.0
 */
public abstract class BlooioException extends RuntimeException {

	private final String operation;

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed, e.g. {@code sendMessage}
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	protected BlooioException(String operation, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.operation = operation;
	}

	/**
	 * Returns the Blooio operation that failed, named after its OpenAPI operation id.
	 * @return the operation, e.g. {@code sendMessage}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Returns whether trying the same call again later may succeed (a transient failure),
	 * as opposed to one that needs a change of input, plan or device.
	 * @return {@code true} if the failure is transient
	 */
	public abstract boolean isTransient();

}
