package com.blooio.spring.client.internal;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Bounds each attempt by one deadline, from the moment its request is about to be sent to
 * the last byte of its response: a server that drips its answer a byte at a time cannot
 * stretch an attempt beyond it.
 * <p>
 * With Reactor Netty the deadline is a task on the connection's own event loop that
 * closes the connection if the attempt is still running when it fires; the attempt then
 * fails with a timeout. Other HTTP clients get {@link Mono#timeout(Duration)} over the
 * whole exchange. That is dearer: it schedules a task on Reactor's shared timer thread
 * per attempt and, when few requests are in flight, wakes that thread every time (about
 * 30 µs of CPU per send, see BENCHMARKS.md).
 * <p>
 * Which HTTP client a WebClient uses shows only when a request is written, so until the
 * first request has been written both apply.
 * <p>
 * The same look at each request Reactor Netty sends refuses one that an HTTP client
 * configured to follow redirects would send to another host (see
 * {@link RedirectRefusal}): it fails before a byte of it is written.
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
	 * Starts the deadline of one attempt.
	 */
	Deadline start() {
		return new Deadline();
	}

	/**
	 * One attempt's deadline.
	 */
	final class Deadline {

		/**
		 * Cancels the timer of the connection the attempt is on, when there is one.
		 */
		private final AtomicReference<@Nullable Runnable> timer = new AtomicReference<>();

		private volatile long deadlineNanos;

		private volatile boolean expired;

		/**
		 * Lets the deadline see each request the attempt sends, when the HTTP client can
		 * show them.
		 */
		WebClient.RequestBodySpec onConnection(WebClient.RequestBodySpec request) {
			return REACTOR_NETTY_PRESENT ? request.httpRequest(this::onRequest) : request;
		}

		/**
		 * Adds {@code Mono.timeout} unless the connection enforces the deadline, and
		 * stops the deadline when the attempt ends, however it ends.
		 */
		<T> Mono<T> bound(Mono<T> response) {
			Mono<T> bounded = AttemptTimeout.this.enforcedByConnection ? response
					: response.timeout(AttemptTimeout.this.timeout);
			return REACTOR_NETTY_PRESENT ? bounded.doFinally((signal) -> stop()) : bounded;
		}

		/**
		 * Whether the deadline closed the connection of this attempt.
		 */
		boolean expired() {
			return this.expired;
		}

		private void onRequest(ClientHttpRequest request) {
			if (ReactorNetty.isRequest(request.getNativeRequest())) {
				ReactorNetty.refuseRedirectToAnotherHost(request.getNativeRequest());
				ReactorNetty.schedule(request.getNativeRequest(), this);
				AttemptTimeout.this.enforcedByConnection = true;
			}
		}

		/**
		 * Time left for a request of this attempt; the first one starts the clock.
		 */
		long remainingNanos() {
			long now = System.nanoTime();
			if (this.deadlineNanos == 0) {
				this.deadlineNanos = now + AttemptTimeout.this.timeout.toNanos();
			}
			return Math.max(0, this.deadlineNanos - now);
		}

		/**
		 * Replaces the timer of an earlier request of this attempt (the one a redirect
		 * left), or stops the new one at once if the attempt has already ended.
		 */
		void replaceTimer(Runnable cancel) {
			Runnable previous = this.timer.getAndSet(cancel);
			if (previous == NO_TIMER) {
				this.timer.set(NO_TIMER);
				cancel.run();
			}
			else if (previous != null) {
				previous.run();
			}
		}

		void expire() {
			this.expired = true;
		}

		private void stop() {
			Runnable cancel = this.timer.getAndSet(NO_TIMER);
			if (cancel != null) {
				cancel.run();
			}
		}

	}

	private static final Runnable NO_TIMER = () -> {
	};

	/**
	 * Kept apart so that Reactor Netty's classes load only when they are present.
	 */
	private static final class ReactorNetty {

		static boolean isRequest(Object nativeRequest) {
			return nativeRequest instanceof HttpClientRequest && nativeRequest instanceof Connection;
		}

		static void refuseRedirectToAnotherHost(Object nativeRequest) {
			HttpClientRequest request = (HttpClientRequest) nativeRequest;
			String[] redirectedFrom = request.redirectedFrom();
			if (redirectedFrom.length > 0) {
				RedirectRefusal.checkSameOrigin(URI.create(redirectedFrom[0]), URI.create(request.resourceUrl()));
			}
		}

		/**
		 * Closes the connection when the deadline passes, if the connection still serves
		 * this request: the attempt may have ended and the pool handed the connection to
		 * another request just before its timer could be cancelled.
		 */
		static void schedule(Object nativeRequest, Deadline deadline) {
			Channel channel = ((Connection) nativeRequest).channel();
			Runnable expire = () -> {
				if (ChannelOperations.get(channel) == nativeRequest) {
					deadline.expire();
					channel.close();
				}
			};
			io.netty.util.concurrent.Future<?> task = channel.eventLoop()
				.schedule(expire, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
			deadline.replaceTimer(() -> task.cancel(false));
		}

	}

}
