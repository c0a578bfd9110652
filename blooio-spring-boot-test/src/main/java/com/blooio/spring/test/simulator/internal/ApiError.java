package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer in Blooio's format:
 * {@code {"error":"ApiError","message":...,"status":...}} plus context fields.
 */
final class ApiError extends RuntimeException {

	final int status;

	final Map<String, Object> body;

	final Map<String, String> headers;

	private ApiError(int status, Map<String, Object> body, Map<String, String> headers) {
		super(String.valueOf(body.get("message")), null, false, false);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}

	static ApiError of(int status, String message) {
		return of(status, message, Map.of(), Map.of());
	}

	static ApiError of(int status, String message, Map<String, Object> context, Map<String, String> headers) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "ApiError");
		body.put("message", message);
		body.put("status", status);
		body.putAll(context);
		return new ApiError(status, body, headers);
	}

	/**
	 * Returns Blooio's answer for an endpoint that is not available yet: {@code 501
	 * {"error":"Coming soon","message":...}}, without {@code status}.
	 */
	static ApiError comingSoon(String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "Coming soon");
		body.put("message", message);
		return new ApiError(501, body, Map.of());
	}

	static ApiError notFound(String what) {
		return of(404, what + " not found.");
	}

	static ApiError badRequest(String message) {
		return of(400, message);
	}

	/**
	 * Returns the standard error for a status, as the simulator's faults answer it.
	 */
	static ApiError forStatus(int status) {
		String message = switch (status) {
			case 400 -> "Invalid request parameters.";
			case 401 -> "Invalid or missing API key.";
			case 403 -> "Forbidden.";
			case 404 -> "Not found.";
			case 409 -> "Conflict.";
			case 429 -> "Too many requests.";
			case 500 -> "Internal server error.";
			case 502 -> "Temporary device communication error.";
			case 503 -> "No active number available";
			case 504 -> "Gateway timeout.";
			default -> "Simulated error.";
		};
		return of(status, message);
	}

}
