package com.blooio.spring.client.internal;

import org.jspecify.annotations.Nullable;

/**
 * A response read in full: status, the one header the client acts on, and the body bytes.
 *
 * @param status the HTTP status code
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 * @param body the body, empty if there was none
 * @since 0.1.0
 */
public record ApiResponse(int status, @Nullable String retryAfter, byte[] body) {

	boolean isError() {
		return this.status >= 400;
	}

}
