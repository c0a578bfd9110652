package com.blooio.spring.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.client.WebClientRequestException;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioAuthenticationException;
import com.blooio.spring.client.exception.BlooioConflictException;
import com.blooio.spring.client.exception.BlooioError;
import com.blooio.spring.client.exception.BlooioException;
import com.blooio.spring.client.exception.BlooioInboundOnlyException;
import com.blooio.spring.client.exception.BlooioInvalidContentException;
import com.blooio.spring.client.exception.BlooioNoActiveDeviceException;
import com.blooio.spring.client.exception.BlooioNoActiveNumberException;
import com.blooio.spring.client.exception.BlooioNotYetAvailableException;
import com.blooio.spring.client.exception.BlooioQuotaExceededException;
import com.blooio.spring.client.exception.BlooioRateLimitedException;
import com.blooio.spring.client.exception.BlooioRedirectException;
import com.blooio.spring.client.exception.BlooioTimeoutException;
import com.blooio.spring.client.exception.BlooioTransportException;

/**
 * Turns failures into the client's exception hierarchy: error responses by status and
 * Blooio {@code code}, transport failures by whether the request may have been sent.
 */
final class ApiErrors {

	private static final String NETTY_READ_TIMEOUT = "io.netty.handler.timeout.ReadTimeoutException";

	private static final Set<String> QUOTA_CODES = Set.of(BlooioQuotaExceededException.OUTBOUND_LIMIT_REACHED,
			BlooioQuotaExceededException.NEW_CONVERSATION_LIMIT_REACHED);

	private static final Set<String> CONTENT_CODES = Set.of(BlooioInvalidContentException.INVALID_CONTENT,
			BlooioInvalidContentException.FORMAT_UNSUPPORTED_FOR_CHANNEL_TYPE);

	private static final Set<String> ENVELOPE_FIELDS = Set.of("error", "message", "status", "code");

	/** Operations whose bodiless 404 means the key has no active number. */
	private static final Set<String> LOCATION_OPERATIONS = Set.of("listLocationContacts", "getLocationContact",
			"refreshLocationContacts");

	private final ApiJson json;

	private final SecretMasking masking;

	private final Clock clock;

	ApiErrors(ApiJson json, SecretMasking masking, Clock clock) {
		this.json = json;
		this.masking = masking;
		this.clock = clock;
	}

	BlooioApiException toException(ApiRequest request, ApiResponse response) {
		BlooioError error = readError(response);
		String operation = request.operation();
		String key = request.idempotencyKey();
		int status = error.status();
		String code = error.code();
		if (status == 401) {
			return new BlooioAuthenticationException(operation, error, key);
		}
		if (status == 429 && code != null && QUOTA_CODES.contains(code)) {
			return new BlooioQuotaExceededException(operation, error, key);
		}
		if (status == 429) {
			return new BlooioRateLimitedException(operation, error, key);
		}
		if (status == 400 && code != null && CONTENT_CODES.contains(code)) {
			return new BlooioInvalidContentException(operation, error, key);
		}
		if (status == 403 && BlooioInboundOnlyException.CODE.equals(code)) {
			return new BlooioInboundOnlyException(operation, error, key);
		}
		if (status == 409) {
			return new BlooioConflictException(operation, error, key);
		}
		if (status == 501) {
			return new BlooioNotYetAvailableException(operation, error, key);
		}
		if (status == 404 && response.body().length == 0 && LOCATION_OPERATIONS.contains(operation)) {
			return new BlooioNoActiveNumberException(operation, error, key);
		}
		if (status == 503) {
			return new BlooioNoActiveDeviceException(operation, error, key);
		}
		return new BlooioApiException(operation, error, key);
	}

	/**
	 * Reads Blooio's error body leniently: any field may be missing, and a body that is
	 * not a JSON object (HTML, plain text, nothing) still yields an error with the
	 * status.
	 */
	BlooioError readError(ApiResponse response) {
		Duration retryAfter = parseRetryAfter(response.retryAfter());
		// masked: an error that echoes the request (its Authorization header, say) must
		// not
		// put the API key into an exception message
		JsonNode body = (response.body().length > 0) ? this.masking.maskedTree(response.body()) : null;
		if (body == null) {
			return new BlooioError(response.status(), null, null, null, Map.of(), retryAfter);
		}
		JsonNode v4Error = body.get("error");
		if (v4Error != null && v4Error.isObject()) {
			return readV4Error(response.status(), v4Error, retryAfter);
		}
		Map<String, @Nullable Object> context = new LinkedHashMap<>();
		Iterator<Entry<String, JsonNode>> fields = body.properties().iterator();
		while (fields.hasNext()) {
			Entry<String, JsonNode> field = fields.next();
			if (!ENVELOPE_FIELDS.contains(field.getKey())) {
				context.put(field.getKey(), this.json.toPlainValue(field.getValue()));
			}
		}
		return new BlooioError(response.status(), text(body, "code"), text(body, "error"), text(body, "message"),
				context, retryAfter);
	}

	/**
	 * Reads v4's error envelope, {@code {"error": {"code", "message", "details"}}}: the
	 * details become the context.
	 */
	private BlooioError readV4Error(int status, JsonNode error, @Nullable Duration retryAfter) {
		Map<String, @Nullable Object> context = new LinkedHashMap<>();
		JsonNode details = error.get("details");
		if (details != null && details.isObject()) {
			for (Entry<String, JsonNode> field : details.properties()) {
				context.put(field.getKey(), this.json.toPlainValue(field.getValue()));
			}
		}
		return new BlooioError(status, text(error, "code"), null, text(error, "message"), context, retryAfter);
	}

	private static @Nullable String text(JsonNode body, String field) {
		JsonNode node = body.get(field);
		return (node != null && node.isValueNode() && !node.isNull()) ? node.asString() : null;
	}

	/**
	 * Parses {@code Retry-After} as delta-seconds or as an HTTP date.
	 */
	@Nullable Duration parseRetryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// not delta-seconds, try an HTTP date
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(this.clock.instant(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Maps a failure of one attempt; exceptions already in the hierarchy pass through.
	 */
	Throwable translate(ApiRequest request, Throwable failure, boolean deadlinePassed, Duration responseTimeout) {
		if (failure instanceof BlooioException) {
			return failure;
		}
		RedirectRefusal.RedirectToAnotherHost redirect = findCause(failure,
				RedirectRefusal.RedirectToAnotherHost.class);
		if (redirect != null) {
			return new BlooioRedirectException(request.operation(), null, redirect.target());
		}
		if (deadlinePassed || failure instanceof TimeoutException || isNettyResponseTimeout(failure)) {
			return new BlooioTimeoutException(request.operation(), responseTimeout, failure);
		}
		if (failure instanceof WebClientRequestException) {
			boolean connectFailed = hasCause(failure, ConnectException.class)
					|| hasCause(failure, UnknownHostException.class);
			String message = connectFailed ? "could not connect to Blooio" : "connection to Blooio failed";
			return new BlooioTransportException(request.operation(),
					"Blooio " + request.operation() + " failed: " + message, !connectFailed, failure);
		}
		if (hasCause(failure, IOException.class)) {
			// e.g. the connection dropped while the response body was read
			return new BlooioTransportException(request.operation(),
					"Blooio " + request.operation() + " failed: connection to Blooio failed", true, failure);
		}
		return failure;
	}

	/**
	 * Whether a read timeout the application configured on its Reactor Netty connector
	 * fired; checked by name because Netty is optional.
	 */
	private static boolean isNettyResponseTimeout(Throwable failure) {
		return hasCause(failure, (cause) -> cause.getClass().getName().equals(NETTY_READ_TIMEOUT));
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		return findCause(failure, type) != null;
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static boolean hasCause(Throwable failure, Predicate<Throwable> condition) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (condition.test(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
