package com.blooio.spring.test.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * POST /simulator/polls/{pollId}/votes {"voter": "+15551234567", "option": "Pizza"}
 * POST /simulator/locations {"handle": "+15551234567", "latitude": 40.7, "longitude": -74.0}
 * GET  /simulator/media/{id}   (an uploaded group icon or chat background)
 * </pre> Inbound answers {@code {"message_id": "…"}}, a vote {@code {"poll_id": "…"}}, a
 * location {@code {"handle": "…"}}.
 */
final class ControlHandler implements HttpHandler {

	static final String INBOUND_PATH = "/simulator/inbound";

	static final String MEDIA_PATH = "/simulator/media/";

	static final String LOCATIONS_PATH = "/simulator/locations";

	private static final Pattern VOTES_PATH = Pattern.compile("/simulator/polls/([^/]+)/votes");

	private static final String USAGE = "Use POST " + INBOUND_PATH + ", POST /simulator/polls/{pollId}/votes, POST "
			+ LOCATIONS_PATH + " or GET " + MEDIA_PATH + "{id}";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final SimulatorEngine engine;

	ControlHandler(SimulatorEngine engine) {
		this.engine = engine;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			Matcher votes = VOTES_PATH.matcher(path);
			if (INBOUND_PATH.equals(path)) {
				if (requireMethod(exchange, "POST")) {
					inbound(exchange);
				}
			}
			else if (LOCATIONS_PATH.equals(path)) {
				if (requireMethod(exchange, "POST")) {
					location(exchange);
				}
			}
			else if (votes.matches()) {
				if (requireMethod(exchange, "POST")) {
					vote(exchange, votes.group(1));
				}
			}
			else if (path.startsWith(MEDIA_PATH) && path.length() > MEDIA_PATH.length()) {
				if (requireMethod(exchange, "GET")) {
					media(exchange, path.substring(MEDIA_PATH.length()));
				}
			}
			else {
				respond(exchange, 404, Map.of("error", "Not found", "message", USAGE));
			}
		}
	}

	private boolean requireMethod(HttpExchange exchange, String method) throws IOException {
		if (method.equals(exchange.getRequestMethod())) {
			return true;
		}
		exchange.getResponseHeaders().set("Allow", method);
		respond(exchange, 405, Map.of("error", "Method not allowed", "message", USAGE));
		return false;
	}

	private void inbound(HttpExchange exchange) throws IOException {
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

	private void vote(HttpExchange exchange, String pollId) throws IOException {
		JsonNode command = readCommand(exchange.getRequestBody());
		String voter = (command != null) ? text(command, "voter") : null;
		String option = (command != null) ? text(command, "option") : null;
		if (voter == null || option == null) {
			respond(exchange, 400, Map.of("error", "Bad request", "message",
					"Send a JSON object with \"voter\" (a phone or email) and \"option\" (the option's text)"));
			return;
		}
		try {
			this.engine.vote(pollId, voter, option);
		}
		catch (IllegalArgumentException ex) {
			respond(exchange, 404, Map.of("error", "Not found", "message", ex.getMessage()));
			return;
		}
		respond(exchange, 200, Map.of("poll_id", pollId));
	}

	private void location(HttpExchange exchange) throws IOException {
		JsonNode command = readCommand(exchange.getRequestBody());
		String handle = (command != null) ? text(command, "handle") : null;
		if (handle == null || !command.path("latitude").isNumber() || !command.path("longitude").isNumber()) {
			respond(exchange, 400, Map.of("error", "Bad request", "message",
					"Send a JSON object with \"handle\" (a phone or email), \"latitude\" and \"longitude\""));
			return;
		}
		this.engine.shareLocation(handle, command.path("latitude").asDouble(), command.path("longitude").asDouble());
		respond(exchange, 200, Map.of("handle", handle));
	}

	private void media(HttpExchange exchange, String mediaId) throws IOException {
		StoredMedia media = this.engine.media(mediaId);
		if (media == null) {
			respond(exchange, 404, Map.of("error", "Not found", "message", "No uploaded image " + mediaId));
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", media.contentType());
		exchange.sendResponseHeaders(200, (media.content().length > 0) ? media.content().length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(media.content());
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
