package com.blooio.spring.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The checks both web stacks make before reading a webhook body.
 */
final class WebhookRequests {

	private WebhookRequests() {
	}

	/**
	 * Returns the outcome that rejects the request before its body is read, or
	 * {@code null} to go on.
	 */
	static @Nullable WebhookOutcome rejectEarly(HttpMethod method, @Nullable MediaType contentType, long contentLength,
			long maxBodyBytes) {
		if (!HttpMethod.POST.equals(method)) {
			return WebhookOutcome.METHOD_NOT_ALLOWED;
		}
		if (contentType != null && !isJson(contentType)) {
			return WebhookOutcome.UNSUPPORTED_MEDIA_TYPE;
		}
		if (contentLength > maxBodyBytes) {
			return WebhookOutcome.TOO_LARGE;
		}
		return null;
	}

	private static boolean isJson(MediaType contentType) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(contentType) || contentType.getSubtype().endsWith("+json");
	}

}
