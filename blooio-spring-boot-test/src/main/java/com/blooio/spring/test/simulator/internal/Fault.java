package com.blooio.spring.test.simulator.internal;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the simulator does to one request instead of (or before) answering it normally.
 *
 * @param error the error to answer with, or {@code null}
 * @param dropConnection whether to close the connection without answering
 * @param delay how long to wait before answering normally, or {@code null}
 */
record Fault(@Nullable ApiError error, boolean dropConnection, @Nullable Duration delay) {

	static Fault respond(int status) {
		return new Fault(ApiError.forStatus(status), false, null);
	}

	static Fault rateLimited(Duration retryAfter) {
		long seconds = (retryAfter.toMillis() + 999) / 1000;
		return new Fault(
				ApiError.of(429, "Too many requests.", Map.of(), Map.of("Retry-After", String.valueOf(seconds))), false,
				null);
	}

	static Fault quotaExceeded() {
		return new Fault(ApiError.of(429, "Outbound new-contact limit reached.",
				Map.of("code", "outbound_limit_reached", "limit", 10, "current", 10, "mode", "per_number"), Map.of()),
				false, null);
	}

	static Fault drop() {
		return new Fault(null, true, null);
	}

	static Fault delayed(Duration delay) {
		return new Fault(null, false, delay);
	}

}
