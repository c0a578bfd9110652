package com.blooio.spring.webhook.endpoint;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import com.blooio.spring.webhook.WebhookOutcome;

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
	static @Nullable WebhookOutcome rejectEarly(HttpMethod method, HttpHeaders headers, long maxBodyBytes) {
		if (!HttpMethod.POST.equals(method)) {
			return WebhookOutcome.METHOD_NOT_ALLOWED;
		}
		if (!hasJsonOrNoContentType(headers)) {
			return WebhookOutcome.UNSUPPORTED_MEDIA_TYPE;
		}
		if (contentLength(headers) > maxBodyBytes) {
			return WebhookOutcome.TOO_LARGE;
		}
		return null;
	}

	private static boolean hasJsonOrNoContentType(HttpHeaders headers) {
		try {
			MediaType contentType = headers.getContentType();
			return contentType == null || isJson(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * Whether the content type names JSON. A wildcard ({@code *}{@code /*},
	 * {@code application/*}) names no type, so it is not JSON, although
	 * {@link MediaType#isCompatibleWith} would say it is.
	 */
	private static boolean isJson(MediaType contentType) {
		return contentType.isConcrete() && (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)
				|| contentType.getSubtype().endsWith("+json"));
	}

	/**
	 * Returns the declared length, or -1 when absent or unreadable (the body is limited
	 * while it is read either way).
	 */
	private static long contentLength(HttpHeaders headers) {
		try {
			return headers.getContentLength();
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
