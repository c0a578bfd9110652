package com.blooio.spring.test.simulator.internal.v4;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.internal.http.ControlCommands;

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
				ControlCommands.error(exchange, 404, "Not found",
						"Use POST " + STATE_CHANGED + " or POST " + NUMBER_BANNED);
				return;
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "POST");
				ControlCommands.error(exchange, 405, "Method not allowed", "Use POST " + path);
				return;
			}
			JsonNode command = ControlCommands.read(exchange);
			try {
				String eventId = STATE_CHANGED.equals(path) ? stateChanged(command) : numberBanned(command);
				ControlCommands.respond(exchange, 200, Map.of("event_id", eventId));
			}
			catch (IllegalArgumentException ex) {
				ControlCommands.error(exchange, 400, "Bad request", ex.getMessage());
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
		return this.v4.safetyStateChanged(ControlCommands.text(command, "phone_number"), required(command, "tier"),
				required(command, "previous_tier"), required(command, "action"), required(command, "previous_action"),
				reasons);
	}

	private String numberBanned(@Nullable JsonNode command) {
		if (command == null) {
			throw new IllegalArgumentException(
					"Send a JSON object with \"phone_number\" and optionally \"allocation_type\" (dedicated or shared)");
		}
		String allocationType = ControlCommands.text(command, "allocation_type");
		return this.v4.numberBanned(required(command, "phone_number"),
				(allocationType != null) ? allocationType : "dedicated");
	}

	private static String required(JsonNode command, String field) {
		String value = ControlCommands.text(command, field);
		if (value == null) {
			throw new IllegalArgumentException("\"" + field + "\" is required");
		}
		return value;
	}

}
