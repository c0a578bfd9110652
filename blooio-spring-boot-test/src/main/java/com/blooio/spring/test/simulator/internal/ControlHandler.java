package com.blooio.spring.test.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's own HTTP control API, outside the Blooio API and without a key, so a
 * person or a non-Java test can play the other side: <pre class="code">
 * POST /simulator/inbound {"from": "+15551234567", "text": "hi", "attachments": ["https://…"]}
 * POST /simulator/inbound {"from": "+15551234567", "text": "hi", "group_id": "grp_1",
 *                          "group_name": "Team", "members": ["+15551234567", "+15557654321"]}
 * </pre> Answers {@code {"message_id": "…"}}.
 */
final class ControlHandler implements HttpHandler {

	static final String INBOUND_PATH = "/simulator/inbound";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final SimulatorEngine engine;

	ControlHandler(SimulatorEngine engine) {
		this.engine = engine;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!INBOUND_PATH.equals(exchange.getRequestURI().getPath())) {
				respond(exchange, 404, Map.of("error", "Not found", "message", "Use POST " + INBOUND_PATH));
				return;
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "POST");
				respond(exchange, 405, Map.of("error", "Method not allowed", "message", "Use POST " + INBOUND_PATH));
				return;
			}
			JsonNode command = readCommand(exchange.getRequestBody());
			String from = (command != null) ? text(command, "from") : null;
			if (from == null) {
				respond(exchange, 400, Map.of("error", "Bad request", "message",
						"Send a JSON object with \"from\" and \"text\" (and optionally \"attachments\", \"group_id\", "
								+ "\"group_name\", \"members\")"));
				return;
			}
			String text = (text(command, "text") != null) ? text(command, "text") : "";
			String messageId = receive(command, from, text, strings(command, "attachments"));
			respond(exchange, 200, Map.of("message_id", messageId));
		}
	}

	private String receive(JsonNode command, String from, String text, List<String> attachments) {
		String groupId = text(command, "group_id");
		if (groupId == null) {
			return this.engine.receive(from, text, attachments);
		}
		List<String> members = strings(command, "members");
		if (!members.contains(from)) {
			members.add(from);
		}
		String name = (text(command, "group_name") != null) ? text(command, "group_name") : groupId;
		return this.engine.receiveInGroup(groupId, name, members, from, text, attachments);
	}

	private @Nullable JsonNode readCommand(InputStream body) throws IOException {
		try {
			JsonNode command = this.mapper.readTree(body.readAllBytes());
			return (command != null && command.isObject()) ? command : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	private static List<String> strings(JsonNode node, String field) {
		List<String> values = new ArrayList<>();
		for (JsonNode value : node.path(field)) {
			if (value.isString()) {
				values.add(value.asString());
			}
		}
		return values;
	}

	private void respond(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
		byte[] json = this.mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

}
