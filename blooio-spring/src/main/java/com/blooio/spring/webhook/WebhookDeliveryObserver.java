package com.blooio.spring.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Told how each webhook request was answered, for metrics or auditing. Every request to
 * the endpoint is reported exactly once, once its outcome is decided: those the endpoint
 * refuses before running the pipeline (wrong method or media type, body too large) as
 * well as those {@link BlooioWebhookHandler} answers.
 * <p>
 * Only what is safe to use as a metric tag is passed on: never a phone number, chat id,
 * message id or text. Implementations must be thread-safe, quick and non-blocking: they
 * run before the answer is sent, on the request thread (in WebFlux, on the event loop for
 * refused requests). An exception thrown here is logged and never changes the answer.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WebhookDeliveryObserver {

	/**
	 * Called once per webhook request, after its outcome is decided.
	 * @param eventType the event name from the verified body, lower case, e.g.
	 * {@code message.received}; {@code null} when the body was not read or not parsed
	 * (refused, signature rejected, malformed). It is whatever the sender wrote: bound it
	 * before using it as a metric tag
	 * @param outcome how the request was answered
	 * @param signedAt the signature timestamp when the signature was verified, even if
	 * the body then turned out malformed; {@code null} otherwise (refused, rejected, or
	 * unsigned deliveries allowed)
	 */
	void observe(@Nullable String eventType, WebhookOutcome outcome, @Nullable Instant signedAt);

}
