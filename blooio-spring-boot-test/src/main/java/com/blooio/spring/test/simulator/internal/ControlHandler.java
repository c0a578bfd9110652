package com.blooio.spring.test.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.internal.http.ControlCommands;

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
 * location {@code {"handle": "…"}}. Faults, settings, inspection and reset are
 * {@link com.blooio.spring.test.simulator.internal.control.ControlApi}'s.
 */
final class ControlHandler implements HttpHandler {

	static final String INBOUND_PATH = "/simulator/inbound";

	static final String MEDIA_PATH = "/simulator/media/";

	static final String LOCATIONS_PATH = "/simulator/locations";

	private static final Pattern VOTES_PATH = Pattern.compile("/simulator/polls/([^/]+)/votes");

	private static final String USAGE = "Use POST " + INBOUND_PATH + ", POST /simulator/polls/{pollId}/votes, POST "
			+ LOCATIONS_PATH + " or GET " + MEDIA_PATH + "{id}; docs/simulator-control-api.md lists every command";

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
				ControlCommands.error(exchange, 404, "Not found", USAGE);
			}
		}
	}

	private boolean requireMethod(HttpExchange exchange, String method) throws IOException {
		if (method.equals(exchange.getRequestMethod())) {
			return true;
		}
		exchange.getResponseHeaders().set("Allow", method);
		ControlCommands.error(exchange, 405, "Method not allowed", USAGE);
		return false;
	}

	private void inbound(HttpExchange exchange) throws IOException {
		JsonNode command = ControlCommands.read(exchange);
		String from = (command != null) ? ControlCommands.text(command, "from") : null;
		if (from == null) {
			ControlCommands.error(exchange, 400, "Bad request",
					"Send a JSON object with \"from\" and \"text\" (and optionally \"attachments\", \"group_id\", "
							+ "\"group_name\", \"members\")");
			return;
		}
		String text = (ControlCommands.text(command, "text") != null) ? ControlCommands.text(command, "text") : "";
		String messageId = receive(command, from, text, strings(command, "attachments"));
		ControlCommands.respond(exchange, 200, Map.of("message_id", messageId));
	}

	private void vote(HttpExchange exchange, String pollId) throws IOException {
		JsonNode command = ControlCommands.read(exchange);
		String voter = (command != null) ? ControlCommands.text(command, "voter") : null;
		String option = (command != null) ? ControlCommands.text(command, "option") : null;
		if (voter == null || option == null) {
			ControlCommands.error(exchange, 400, "Bad request",
					"Send a JSON object with \"voter\" (a phone or email) and \"option\" (the option's text)");
			return;
		}
		try {
			this.engine.vote(pollId, voter, option);
		}
		catch (IllegalArgumentException ex) {
			ControlCommands.error(exchange, 404, "Not found", ex.getMessage());
			return;
		}
		ControlCommands.respond(exchange, 200, Map.of("poll_id", pollId));
	}

	private void location(HttpExchange exchange) throws IOException {
		JsonNode command = ControlCommands.read(exchange);
		String handle = (command != null) ? ControlCommands.text(command, "handle") : null;
		if (handle == null || !command.path("latitude").isNumber() || !command.path("longitude").isNumber()) {
			ControlCommands.error(exchange, 400, "Bad request",
					"Send a JSON object with \"handle\" (a phone or email), \"latitude\" and \"longitude\"");
			return;
		}
		this.engine.shareLocation(handle, command.path("latitude").asDouble(), command.path("longitude").asDouble());
		ControlCommands.respond(exchange, 200, Map.of("handle", handle));
	}

	private void media(HttpExchange exchange, String mediaId) throws IOException {
		StoredMedia media = this.engine.media(mediaId);
		if (media == null) {
			ControlCommands.error(exchange, 404, "Not found", "No uploaded image " + mediaId);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", media.contentType());
		exchange.sendResponseHeaders(200, (media.content().length > 0) ? media.content().length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(media.content());
		}
	}

	private String receive(JsonNode command, String from, String text, List<String> attachments) {
		String groupId = ControlCommands.text(command, "group_id");
		if (groupId == null) {
			return this.engine.receive(from, text, attachments);
		}
		List<String> members = strings(command, "members");
		if (!members.contains(from)) {
			members.add(from);
		}
		String name = (ControlCommands.text(command, "group_name") != null)
				? ControlCommands.text(command, "group_name") : groupId;
		return this.engine.receiveInGroup(groupId, name, members, from, text, attachments);
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

}
