package com.blooio.spring.test.simulator.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON commands of the simulator's control API and writes its JSON answers.
 * <p>
 * Not API: public only for the simulator's internal packages.
 */
public final class ControlCommands {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ControlCommands() {
	}

	/**
	 * Reads the request body as a JSON object.
	 * @param exchange the exchange
	 * @return the object, or {@code null} if the body is not a JSON object
	 * @throws IOException if the body cannot be read
	 */
	public static @Nullable JsonNode read(HttpExchange exchange) throws IOException {
		return JsonBodies.object(exchange.getRequestBody().readAllBytes());
	}

	/**
	 * Returns a field of a command if it is a non-blank string.
	 * @param command the command
	 * @param field the field's name
	 * @return the field's text, or {@code null} if missing, blank or not a string
	 */
	public static @Nullable String text(JsonNode command, String field) {
		JsonNode value = command.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	/**
	 * Answers {@code {"error": …, "message": …}}.
	 * @param exchange the exchange
	 * @param status the HTTP status
	 * @param error the error's short name
	 * @param message what went wrong, or what to do instead
	 * @throws IOException if the answer cannot be written
	 */
	public static void error(HttpExchange exchange, int status, String error, String message) throws IOException {
		respond(exchange, status, Map.of("error", error, "message", message));
	}

	/**
	 * Answers with a JSON body.
	 * @param exchange the exchange
	 * @param status the HTTP status
	 * @param body what to write as JSON: maps, lists, strings, numbers, booleans,
	 * {@code null} and JSON trees
	 * @throws IOException if the answer cannot be written
	 */
	public static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] json = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

}
