package com.blooio.spring.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioRateLimitedException;
import com.blooio.spring.client.exception.BlooioTransportException;

/**
 * Decides whether and when a failed attempt is tried again.
 * <p>
 * Two kinds of transient failure are told apart. Those where Blooio certainly did not act
 * (the connection could not be opened; 408, 425, or 429 without a quota code) are retried
 * for every request. Those where it may have acted (500, 502, 504, a dropped connection,
 * a timeout) are retried only for idempotent requests: reads, deletes, and sends, which
 * carry the same {@code Idempotency-Key} on every attempt. Everything else fails at once.
 * <p>
 * Waits grow exponentially from the initial backoff with jitter, capped at the max
 * backoff. A {@code Retry-After} header replaces the computed wait; one longer than the
 * max backoff ends the retries, so the caller sees the error and its
 * {@code getRetryAfter()}.
 */
final class RetryPolicy {

	private static final Log logger = LogFactory.getLog(RetryPolicy.class);

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		this.maxAttempts = maxAttempts;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
	}

	Retry forRequest(ApiRequest request) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			int attempt = (int) signal.totalRetries() + 1;
			Duration delay = (attempt < this.maxAttempts && isRetryable(request, failure))
					? delayBefore(attempt, failure) : null;
			if (delay == null) {
				return Mono.error(failure);
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying Blooio " + request.operation() + " (attempt " + (attempt + 1) + " of "
						+ this.maxAttempts + ") in " + delay.toMillis() + " ms after: " + failure.getMessage());
			}
			return Mono.delay(delay).thenReturn(attempt);
		}));
	}

	static boolean isRetryable(ApiRequest request, Throwable failure) {
		return certainlyNotProcessed(failure) || (request.idempotent() && maybeProcessed(failure));
	}

	private static boolean certainlyNotProcessed(Throwable failure) {
		if (failure instanceof BlooioTransportException transport) {
			return !transport.isRequestSent();
		}
		if (failure instanceof BlooioRateLimitedException) {
			return true;
		}
		if (failure instanceof BlooioApiException api) {
			return api.getStatusCode() == 408 || api.getStatusCode() == 425;
		}
		return false;
	}

	private static boolean maybeProcessed(Throwable failure) {
		if (failure instanceof BlooioTransportException) {
			return true;
		}
		if (failure instanceof BlooioApiException api) {
			int status = api.getStatusCode();
			return status == 500 || status == 502 || status == 504;
		}
		return false;
	}

	private @Nullable Duration delayBefore(int attempt, Throwable failure) {
		Duration retryAfter = (failure instanceof BlooioApiException api) ? api.getRetryAfter() : null;
		if (retryAfter != null) {
			return (retryAfter.compareTo(this.maxBackoff) <= 0) ? retryAfter : null;
		}
		long base = this.initialBackoff.toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, this.maxBackoff.toMillis());
		long half = capped / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

}
