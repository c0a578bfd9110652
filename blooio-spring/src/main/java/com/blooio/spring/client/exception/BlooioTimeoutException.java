package com.blooio.spring.client.exception;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An attempt did not finish within the response timeout
 * ({@code blooio.response-timeout}): one deadline from sending the request to reading the
 * last byte of the answer, so a server that answers slowly, byte by byte, cannot stretch
 * it.
 *
 * @since 0.1.0
 */
public class BlooioTimeoutException extends BlooioTransportException {

	private final Duration timeout;

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param timeout the timeout that elapsed
	 * @param cause the cause, or {@code null}
	 */
	public BlooioTimeoutException(String operation, Duration timeout, @Nullable Throwable cause) {
		super(operation, "Blooio " + operation + " got no complete response within " + timeout.toMillis() + " ms", true,
				cause);
		this.timeout = timeout;
	}

	/**
	 * Returns the timeout that elapsed.
	 * @return the per-attempt response timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
