package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer pointed somewhere else, and the client did not go there. Blooio's API
 * defines no redirect, so one is a sign of a proxy or a misconfigured base URL, and
 * following it would carry the message, the {@code Idempotency-Key} and possibly the API
 * key to another host.
 * <p>
 * Raised for a {@code 3xx} answer, and when an HTTP client that follows redirects by
 * itself was about to send the request on to another host (with Reactor Netty, nothing of
 * that request is written).
 *
 * @since 0.1.0
 */
public class BlooioRedirectException extends BlooioException {

	private final @Nullable Integer statusCode;

	private final @Nullable String target;

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param statusCode the {@code 3xx} status received, or {@code null} when the HTTP
	 * client followed the redirect itself and the status was not seen
	 * @param target scheme, host and port of where the redirect pointed (never its path
	 * or query, which may carry tokens), or {@code null} when the answer named none
	 */
	public BlooioRedirectException(String operation, @Nullable Integer statusCode, @Nullable String target) {
		super(operation, message(operation, statusCode, target), null);
		this.statusCode = statusCode;
		this.target = target;
	}

	private static String message(String operation, @Nullable Integer statusCode, @Nullable String target) {
		String answer = (statusCode != null) ? "answered HTTP " + statusCode + ", a redirect" : "was redirected";
		String where = (target != null) ? " to " + target : "";
		return "Blooio " + operation + " " + answer + where + "; the Blooio client does not follow redirects"
				+ ((statusCode != null) ? "" : " to another host") + " (check blooio.base-url and any proxy)";
	}

	/**
	 * Returns the {@code 3xx} status received.
	 * @return the status, or {@code null} when the HTTP client followed the redirect
	 * itself
	 */
	public @Nullable Integer getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Returns where the redirect pointed: scheme, host and port only.
	 * @return the target origin, e.g. {@code https://example.com:8443}, or {@code null}
	 */
	public @Nullable String getTarget() {
		return this.target;
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
