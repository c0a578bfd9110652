package com.blooio.spring.client.internal;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Bounds how long one attempt waits for its response.
 * <p>
 * With Reactor Netty the connection enforces the timeout itself, on its event loop
 * ({@link HttpClientRequest#responseTimeout(Duration)}: from the end of the request to
 * the start of the response, and between reads of it). Other HTTP clients get
 * {@link Mono#timeout(Duration)} over the whole response. That is dearer: it schedules a
 * task on Reactor's shared timer thread per attempt and, when few requests are in flight,
 * wakes that thread every time (about 30 µs of CPU per send, see BENCHMARKS.md).
 * <p>
 * Which HTTP client a WebClient uses shows only when a request is written, so until the
 * first request has been written both apply. Multipart uploads always get
 * {@code Mono.timeout} too, since Reactor Netty's timeout starts only once the request is
 * sent.
 */
final class AttemptTimeout {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.client.HttpClientRequest", AttemptTimeout.class.getClassLoader());

	private final Duration timeout;

	private volatile boolean enforcedByConnection;

	AttemptTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	Duration duration() {
		return this.timeout;
	}

	/**
	 * Asks the connection, if it can, to enforce the timeout for this request.
	 */
	WebClient.RequestBodySpec onConnection(WebClient.RequestBodySpec request) {
		return REACTOR_NETTY_PRESENT ? request.httpRequest(this::enforceOnConnection) : request;
	}

	/**
	 * Adds {@code Mono.timeout} unless the connection enforces the timeout.
	 */
	<T> Mono<T> bound(Mono<T> response, boolean upload) {
		return (this.enforcedByConnection && !upload) ? response : response.timeout(this.timeout);
	}

	private void enforceOnConnection(ClientHttpRequest request) {
		if (ReactorNetty.setResponseTimeout(request.getNativeRequest(), this.timeout)) {
			this.enforcedByConnection = true;
		}
	}

	/**
	 * Kept apart so that Reactor Netty's classes load only when they are present.
	 */
	private static final class ReactorNetty {

		static boolean setResponseTimeout(Object nativeRequest, Duration timeout) {
			if (nativeRequest instanceof HttpClientRequest request) {
				request.responseTimeout(timeout);
				return true;
			}
			return false;
		}

	}

}
