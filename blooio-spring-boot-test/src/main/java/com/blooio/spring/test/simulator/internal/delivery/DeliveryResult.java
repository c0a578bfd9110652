package com.blooio.spring.test.simulator.internal.delivery;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a webhook receiver answered to one delivery attempt.
 *
 * @param status the HTTP status, or {@code -1} when it could not be reached
 * @param receivedAt when the answer arrived, epoch milliseconds, or {@code null}
 * @param durationMillis how long the attempt took
 * @param contentType the answer's content type, or {@code null}
 * @param headers the answer's headers (the values of each joined by commas)
 * @param body the answer's body
 * @param error why the receiver could not be reached, or {@code null}
 */
public record DeliveryResult(int status, @Nullable Long receivedAt, long durationMillis, @Nullable String contentType,
		Map<String, String> headers, byte[] body, @Nullable String error) {

	/**
	 * Returns the result of an attempt that got no answer.
	 * @param durationMillis how long the attempt took
	 * @param error why the receiver could not be reached
	 * @return the result, with status {@code -1}
	 */
	public static DeliveryResult unreachable(long durationMillis, String error) {
		return new DeliveryResult(-1, null, durationMillis, null, Map.of(), new byte[0], error);
	}

	/**
	 * Returns whether the receiver answered 2xx.
	 * @return whether the attempt succeeded
	 */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * Returns whether the receiver answered at all, whatever the status.
	 * @return whether there is a status
	 */
	public boolean answered() {
		return this.status >= 0;
	}

}
