package com.blooio.spring.test.simulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.blooio.spring.test.simulator.internal.http.JsonBodies;

/**
 * One request to the simulated API: method, raw path segments below {@code /v2/api},
 * query, headers of interest and body.
 *
 * @param method the HTTP method
 * @param rawPath the path exactly as received
 * @param segments the raw (still encoded) path segments below {@code /v2/api}
 * @param query the decoded query parameters (first value of each)
 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
 * @param authorization the {@code Authorization} header, or {@code null}
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param body the raw body
 */
record ApiCall(String method, String rawPath, List<String> segments, Map<String, String> query,
		@Nullable String idempotencyKey, @Nullable String authorization, @Nullable String contentType, byte[] body) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static Map<String, String> parseQuery(@Nullable String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			query.putIfAbsent(name, value);
		}
		return query;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Returns a path segment that identifies a chat, contact, number or tag, decoded. It
	 * may arrive percent-encoded ({@code %2B15551234567}) or raw ({@code +15551234567}),
	 * as Blooio's own SDK sends {@code +}, {@code @} and {@code ,} unencoded: both name
	 * the same id. A raw {@code +} stays a plus, never a space.
	 * @param index the segment index
	 * @param name the parameter name for the error message
	 * @return the decoded identifier
	 */
	String identifier(int index, String name) {
		String raw = this.segments.get(index);
		try {
			return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiError.badRequest("The " + name + " path segment is not validly percent-encoded.");
		}
	}

	/**
	 * Returns the body as a JSON object, failing with 400 otherwise.
	 * @return the JSON object
	 */
	JsonNode jsonBody() {
		JsonNode object = JsonBodies.object(this.body);
		if (object == null) {
			throw ApiError.badRequest("The request body must be a JSON object.");
		}
		return object;
	}

	/**
	 * Returns the body as a {@code multipart/form-data} form, failing with 400 otherwise.
	 * @return the form
	 */
	MultipartForm multipartBody() {
		return MultipartForm.parse(this.contentType, this.body);
	}

	/**
	 * Returns an integer query parameter within bounds, failing with 400 otherwise.
	 */
	int intQuery(String name, int defaultValue, int min, int max) {
		String value = this.query.get(name);
		if (value == null || value.isEmpty()) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ApiError.badRequest("Query parameter '" + name + "' must be an integer from " + min + " to " + max + ".");
	}

	@Nullable Integer optionalIntQuery(String name) {
		String value = this.query.get(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw ApiError.badRequest("Query parameter '" + name + "' must be an integer.");
		}
	}

	@Nullable Long longQuery(String name) {
		String value = this.query.get(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw ApiError.badRequest("Query parameter '" + name + "' must be epoch milliseconds.");
		}
	}

}
