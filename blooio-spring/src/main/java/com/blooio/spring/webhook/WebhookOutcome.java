package com.blooio.spring.webhook;

/**
 * How a webhook delivery was answered: the HTTP status Blooio gets and a short name for
 * logs and metrics.
 *
 * @since 0.1.0
 */
public enum WebhookOutcome {

	/** Verified, parsed and published; every listener succeeded. */
	HANDLED(200, "handled"),

	/** Already handled within the retention window; not published again. */
	DUPLICATE(200, "duplicate"),

	/**
	 * Being handled right now by another attempt (another instance, or a redelivery that
	 * overtook the first): not done yet, so answered with a retryable status and
	 * {@code Retry-After}, never 2xx. Should that attempt fail, the next redelivery is
	 * handled.
	 */
	IN_PROGRESS(409, "in_progress", 5),

	/** The signature header was missing, malformed or did not match. */
	BAD_SIGNATURE(401, "bad_signature"),

	/** The signature was genuine but its timestamp was outside the tolerance. */
	STALE(401, "stale"),

	/** The body was not a JSON object or named no event type. */
	MALFORMED(400, "malformed"),

	/** The body was larger than the configured maximum. */
	TOO_LARGE(413, "too_large"),

	/** The content type was not JSON. */
	UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),

	/** The request was not a POST. */
	METHOD_NOT_ALLOWED(405, "method_not_allowed"),

	/** A listener threw; Blooio will deliver again. */
	LISTENER_ERROR(500, "listener_error"),

	/**
	 * The executor that runs listeners refused the delivery (it is saturated or shutting
	 * down); nothing was published and Blooio will deliver again.
	 */
	OVERLOADED(503, "overloaded", 5),

	/**
	 * The de-duplication store could not be reached to claim the delivery; nothing was
	 * published and Blooio will deliver again.
	 */
	STORE_UNAVAILABLE(503, "store_unavailable", 5);

	private final int status;

	private final String tag;

	private final int retryAfterSeconds;

	WebhookOutcome(int status, String tag) {
		this(status, tag, 0);
	}

	WebhookOutcome(int status, String tag, int retryAfterSeconds) {
		this.status = status;
		this.tag = tag;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * Returns the HTTP status answered.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Returns the {@code Retry-After} answered with this outcome, in seconds.
	 * @return the seconds to wait before delivering again, or 0 for no
	 * {@code Retry-After}
	 */
	public int retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * Returns a short lower-case name, e.g. {@code bad_signature}.
	 * @return the name
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Returns the small JSON body answered, e.g. {@code {"outcome":"handled"}}.
	 * @return the body
	 */
	public String responseBody() {
		return "{\"outcome\":\"" + this.tag + "\"}";
	}

}
