package com.blooio.spring.test.simulator.internal.v4;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the v4 API. Route handlers answer Blooio's v4 envelope
 * {@code {"error": {"code", "message", "details"}}}; the authentication check answers the
 * flatter {@code {"error", "message", "status", "code"}} that Blooio's document gives its
 * authentication middleware ({@code AuthError}).
 */
final class V4Error extends RuntimeException {

	final int status;

	final Map<String, Object> body;

	final Map<String, String> headers;

	private V4Error(int status, String message, Map<String, Object> body, Map<String, String> headers) {
		super(message, null, false, false);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}

	static V4Error of(int status, String code, String message) {
		return of(status, code, message, Map.of(), Map.of());
	}

	static V4Error of(int status, String code, String message, Map<String, Object> details,
			Map<String, String> headers) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		error.put("details", details);
		return new V4Error(status, message, Map.of("error", error), headers);
	}

	static V4Error unauthorized() {
		String message = "Invalid or missing API key.";
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "Unauthorized");
		body.put("message", message);
		body.put("status", 401);
		body.put("code", "unauthorized");
		return new V4Error(401, message, body, Map.of());
	}

	static V4Error badRequest(String code, String message) {
		return of(400, code, message);
	}

	static V4Error invalid(String field, String message) {
		return of(422, "validation_error", message, Map.of("field", field), Map.of());
	}

	static V4Error notFound(String what) {
		return of(404, "not_found", what + " not found.");
	}

}
