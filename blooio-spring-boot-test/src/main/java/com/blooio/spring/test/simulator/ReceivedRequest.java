package com.blooio.spring.test.simulator;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request the simulator received, whatever it answered; retries of a call show
 * up as several requests.
 *
 * @param method the HTTP method
 * @param rawPath the request path exactly as received
 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
 * @param status the status answered, or {@code -1} when the connection was dropped
 * @since 0.1.0
 */
public record ReceivedRequest(String method, String rawPath, @Nullable String idempotencyKey, int status) {

}
