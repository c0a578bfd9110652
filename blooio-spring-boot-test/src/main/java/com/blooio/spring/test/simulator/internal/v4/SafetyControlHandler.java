package com.blooio.spring.test.simulator.internal.v4;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The control commands that make safety events happen, without a key like the rest of the
 * control API: <pre class="code">
 * POST /simulator/safety/state-changed {"tier": "2", "previous_tier": "1", "action": "slow",
 *                                       "previous_action": "none", "reasons": ["…"],
 *                                       "phone_number": "+1…" (optional: the account's)}
 * POST /simulator/safety/number-banned {"phone_number": "+1…", "allocation_type": "shared"
 *                                       (optional: dedicated)}
 * </pre> Both answer {@code {"event_id": "evt_…"}}.
 */
final class SafetyControlHandler implements HttpHandler {

	static final String PATH = "/simulator/safety/";

	private static final String STATE_CHANGED = PATH + "state-changed";

	private static final String NUMBER_BANNED = PATH + "number-banned";

	private final V4Api v4;

	SafetyControlHandler(V4Api v4) {
		this.v4 = v4;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (!STATE_CHANGED.equals(path) && !NUMBER_BANNED.equals(path)) {
				respond(exchange, 404, "Not found", "Use POST " + STATE_CHANGED + " or POST " + NUMBER_BANNED);
				return;
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "POST");
				respond(exchange, 405, "Method not allowed", "Use POST " + path);
				return;
			}
			JsonNode command = read(exchange);
			try {
				String eventId = STATE_CHANGED.equals(path) ? stateChanged(command) : numberBanned(command);
				byte[] json = V4Request.JSON.writeValueAsBytes(Map.of("event_id", eventId));
				write(exchange, 200, json);
			}
			catch (IllegalArgumentException ex) {
				respond(exchange, 400, "Bad request", ex.getMessage());
			}
		}
	}

	private String stateChanged(@Nullable JsonNode command) {
		if (command == null) {
			throw new IllegalArgumentException("Send a JSON object with \"tier\", \"previous_tier\", \"action\", "
					+ "\"previous_action\", \"reasons\" and optionally \"phone_number\"");
		}
		List<String> reasons = new ArrayList<>();
		command.path("reasons").forEach((reason) -> reasons.add(reason.asString()));
		return this.v4.safetyStateChanged(text(command, "phone_number"), required(command, "tier"),
				required(command, "previous_tier"), required(command, "action"), required(command, "previous_action"),
				reasons);
	}

	private String numberBanned(@Nullable JsonNode command) {
		if (command == null) {
			throw new IllegalArgumentException(
					"Send a JSON object with \"phone_number\" and optionally \"allocation_type\" (dedicated or shared)");
		}
		String allocationType = text(command, "allocation_type");
		return this.v4.numberBanned(required(command, "phone_number"),
				(allocationType != null) ? allocationType : "dedicated");
	}

	private static String required(JsonNode command, String field) {
		String value = text(command, field);
		if (value == null) {
			throw new IllegalArgumentException("\"" + field + "\" is required");
		}
		return value;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	private static @Nullable JsonNode read(HttpExchange exchange) throws IOException {
		try {
			JsonNode command = V4Request.JSON.readTree(exchange.getRequestBody().readAllBytes());
			return (command != null && command.isObject()) ? command : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static void respond(HttpExchange exchange, int status, String error, String message) throws IOException {
		write(exchange, status, V4Request.JSON.writeValueAsBytes(Map.of("error", error, "message", message)));
	}

	private static void write(HttpExchange exchange, int status, byte[] json) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

}
