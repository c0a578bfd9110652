package com.blooio.spring.test.simulator.internal.v4;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.blooio.spring.test.simulator.internal.http.JsonBodies;

/**
 * One request to the v4 API: method, raw path segments below {@code /v4}, decoded query,
 * the {@code Authorization} header and the body.
 *
 * @param method the HTTP method
 * @param rawPath the path exactly as received
 * @param segments the raw (still encoded) path segments below {@code /v4}
 * @param query the decoded query parameters (first value of each)
 * @param authorization the {@code Authorization} header, or {@code null}
 * @param body the raw body
 */
record V4Request(String method, String rawPath, List<String> segments, Map<String, String> query,
		@Nullable String authorization, byte[] body) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 200;

	static V4Request read(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String rawPath = exchange.getRequestURI().getRawPath();
		String below = rawPath.startsWith(V4Api.BASE_PATH) ? rawPath.substring(V4Api.BASE_PATH.length()) : "";
		List<String> segments = Arrays.stream(below.split("/")).filter((segment) -> !segment.isEmpty()).toList();
		return new V4Request(exchange.getRequestMethod(), rawPath, segments,
				parseQuery(exchange.getRequestURI().getRawQuery()),
				exchange.getRequestHeaders().getFirst("Authorization"), body);
	}

	private static Map<String, String> parseQuery(@Nullable String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair, "query");
			String value = (equals >= 0) ? decode(pair.substring(equals + 1), "query") : "";
			query.putIfAbsent(name, value);
		}
		return query;
	}

	private static String decode(String value, String what) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw V4Error.badRequest("invalid_request", "The " + what + " is not validly percent-encoded.");
		}
	}

	/**
	 * Returns a path segment decoded; a raw {@code +} stays a plus (chat ids are phone
	 * numbers), as in the v2 API.
	 */
	String segment(int index) {
		return decode(this.segments.get(index).replace("+", "%2B"), "path");
	}

	/**
	 * Returns the body as a JSON object, failing with 400 otherwise.
	 */
	JsonNode jsonBody() {
		JsonNode object = JsonBodies.object(this.body);
		if (object == null) {
			throw V4Error.badRequest("invalid_json", "The request body must be a JSON object.");
		}
		return object;
	}

	/**
	 * Returns {@code limit}: 1 to 200, 50 when absent.
	 */
	int limit() {
		String value = this.query.get("limit");
		if (value == null || value.isEmpty()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw V4Error.badRequest("invalid_limit", "limit must be an integer from 1 to " + MAX_LIMIT + ".");
	}

	@Nullable String queryText(String name) {
		String value = this.query.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

}
