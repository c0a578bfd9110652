package com.blooio.spring.test.simulator.internal.control;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.internal.SimulatorEngine;
import com.blooio.spring.test.simulator.internal.http.ControlCommands;

/**
 * The control commands that set the simulator up and show what it did, without a key like
 * the rest of the control API, so that a test in any language can do without Java what
 * {@link BlooioSimulator}'s methods do: <pre class="code">
 * GET    /simulator/info                    base URLs, API key, number
 * GET    /simulator/sent                    accepted sends, oldest first
 * GET    /simulator/requests                every API request and the status answered
 * GET    /simulator/deliveries              every webhook delivery attempt
 * GET    /simulator/conversations/{chatId}  a chat's messages with their status
 * GET    /simulator/faults                  the faults in effect
 * POST   /simulator/faults                  queue a fault for the next requests (see FaultCommands)
 * DELETE /simulator/faults                  clear the faults
 * GET    /simulator/settings                the settings in effect
 * POST   /simulator/settings                change settings (see SettingsCommands)
 * POST   /simulator/webhooks                {"url": "…", "secret": "…" (optional)} subscribe a receiver
 * POST   /simulator/reset                   forget everything, like BlooioSimulator.reset()
 * </pre> Lists answer a bare JSON array; a command that cannot be carried out answers 400
 * {@code {"error", "message"}} saying what to send.
 */
public final class ControlApi implements HttpHandler {

	private static final String INFO = "/simulator/info";

	private static final String SENT = "/simulator/sent";

	private static final String REQUESTS = "/simulator/requests";

	private static final String DELIVERIES = "/simulator/deliveries";

	private static final String CONVERSATIONS = "/simulator/conversations/";

	private static final String FAULTS = "/simulator/faults";

	private static final String SETTINGS = "/simulator/settings";

	private static final String WEBHOOKS = "/simulator/webhooks";

	private static final String RESET = "/simulator/reset";

	/** The paths to route to this handler. */
	public static final List<String> PATHS = List.of(INFO, SENT, REQUESTS, DELIVERIES, CONVERSATIONS, FAULTS, SETTINGS,
			WEBHOOKS, RESET);

	private final SimulatorEngine engine;

	private final ControlViews views;

	private final FaultCommands faults;

	private final SettingsCommands settings;

	/**
	 * Creates the handler.
	 * @param engine the engine to control
	 */
	public ControlApi(SimulatorEngine engine) {
		this.engine = engine;
		this.views = new ControlViews(engine);
		this.faults = new FaultCommands(engine);
		this.settings = new SettingsCommands(engine);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			try {
				route(exchange, path, method);
			}
			catch (ControlRequestException ex) {
				ControlCommands.error(exchange, 400, "Bad request", ex.getMessage());
			}
		}
	}

	private void route(HttpExchange exchange, String path, String method) throws IOException {
		if (path.startsWith(CONVERSATIONS) && path.length() > CONVERSATIONS.length()) {
			if (allowed(exchange, method, "GET")) {
				ControlCommands.respond(exchange, 200, this.views.conversation(path.substring(CONVERSATIONS.length())));
			}
			return;
		}
		switch (path) {
			case INFO -> {
				if (allowed(exchange, method, "GET")) {
					ControlCommands.respond(exchange, 200, info());
				}
			}
			case SENT -> {
				if (allowed(exchange, method, "GET")) {
					ControlCommands.respond(exchange, 200, this.views.sent());
				}
			}
			case REQUESTS -> {
				if (allowed(exchange, method, "GET")) {
					ControlCommands.respond(exchange, 200, this.views.requests());
				}
			}
			case DELIVERIES -> {
				if (allowed(exchange, method, "GET")) {
					ControlCommands.respond(exchange, 200, this.views.deliveries());
				}
			}
			case FAULTS -> faults(exchange, method);
			case SETTINGS -> settings(exchange, method);
			case WEBHOOKS -> {
				if (allowed(exchange, method, "POST")) {
					webhook(exchange);
				}
			}
			case RESET -> {
				if (allowed(exchange, method, "POST")) {
					this.engine.reset();
					exchange.sendResponseHeaders(204, -1);
				}
			}
			default -> ControlCommands.error(exchange, 404, "Not found",
					"See docs/simulator-control-api.md for the control API");
		}
	}

	private void faults(HttpExchange exchange, String method) throws IOException {
		if (allowed(exchange, method, "GET", "POST", "DELETE")) {
			if ("POST".equals(method)) {
				this.faults.apply(command(exchange, FaultCommands.USAGE));
			}
			else if ("DELETE".equals(method)) {
				this.engine.clearFaults();
			}
			ControlCommands.respond(exchange, 200, this.views.faults());
		}
	}

	private void settings(HttpExchange exchange, String method) throws IOException {
		if (allowed(exchange, method, "GET", "POST")) {
			if ("POST".equals(method)) {
				this.settings.apply(command(exchange, SettingsCommands.USAGE));
			}
			ControlCommands.respond(exchange, 200, this.views.settings());
		}
	}

	private void webhook(HttpExchange exchange) throws IOException {
		String usage = "Send {\"url\": \"http://…\", \"secret\": \"whsec_…\"} (\"secret\" optional: one is generated)";
		CommandFields command = command(exchange, usage);
		String url = command.text("url");
		if (url == null) {
			throw new ControlRequestException(usage);
		}
		String secret;
		try {
			secret = this.engine.registerWebhook(url, command.text("secret"));
		}
		catch (IllegalArgumentException ex) {
			throw new ControlRequestException("\"url\" must be an absolute http(s) URL");
		}
		// a test secret the caller sent or needs to verify signatures: answering it is
		// the point
		ControlCommands.respond(exchange, 200, Map.of("url", url, "secret", secret));
	}

	private Map<String, Object> info() {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("base_url", this.engine.baseUrl());
		info.put("v4_base_url", this.engine.v4BaseUrl());
		info.put("control_url", this.engine.rootUrl() + "/simulator");
		// the simulator's own test key, not a secret of its user
		info.put("api_key", this.engine.apiKey());
		info.put("number", BlooioSimulator.NUMBER);
		return info;
	}

	private static CommandFields command(HttpExchange exchange, String usage) throws IOException {
		JsonNode command = ControlCommands.read(exchange);
		if (command == null) {
			throw new ControlRequestException(usage);
		}
		return new CommandFields(command);
	}

	private static boolean allowed(HttpExchange exchange, String method, String... allowed) throws IOException {
		for (String candidate : allowed) {
			if (candidate.equals(method)) {
				return true;
			}
		}
		exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
		ControlCommands.error(exchange, 405, "Method not allowed", "Use " + String.join(" or ", allowed));
		return false;
	}

}
