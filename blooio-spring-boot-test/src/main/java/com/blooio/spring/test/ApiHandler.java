package com.blooio.spring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * Serves the simulated API under {@code /v2/api}: records the request, applies a pending
 * fault, checks the bearer key, routes, and writes the JSON answer or Blooio's error
 * body.
 */
final class ApiHandler implements HttpHandler {

	static final String BASE_PATH = "/v2/api";

	private final SimulatorState state;

	private final SimulatorFaults faults;

	private final byte[] expectedAuthorization;

	private final MessagesApi messages;

	private final ChatsApi chats;

	private final AccountApi account;

	private final WebhooksApi webhooks;

	ApiHandler(SimulatorState state, SimulatorFaults faults, String apiKey, MessagesApi messages, ChatsApi chats,
			AccountApi account, WebhooksApi webhooks) {
		this.state = state;
		this.faults = faults;
		this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
		this.messages = messages;
		this.chats = chats;
		this.account = account;
		this.webhooks = webhooks;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		ApiCall call = read(exchange);
		Fault fault = this.faults.poll();
		if (fault != null && fault.dropConnection()) {
			this.state.recordRequest(new ReceivedRequest(call.method(), call.rawPath(), call.idempotencyKey(), -1));
			// closing before any response header was sent closes the connection itself
			exchange.close();
			return;
		}
		if (fault != null && fault.delay() != null) {
			sleep(fault.delay());
		}
		int status;
		try {
			if (fault != null && fault.error() != null) {
				throw fault.error();
			}
			ApiReply reply = route(call);
			status = reply.status();
			write(exchange, status, ApiCall.JSON.writeValueAsBytes(reply.body()), Map.of());
		}
		catch (ApiError error) {
			status = error.status;
			write(exchange, status, ApiCall.JSON.writeValueAsBytes(error.body), error.headers);
		}
		this.state.recordRequest(new ReceivedRequest(call.method(), call.rawPath(), call.idempotencyKey(), status));
	}

	private static ApiCall read(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String rawPath = exchange.getRequestURI().getRawPath();
		String below = rawPath.startsWith(BASE_PATH) ? rawPath.substring(BASE_PATH.length()) : "";
		List<String> segments = Arrays.stream(below.split("/")).filter((segment) -> !segment.isEmpty()).toList();
		return new ApiCall(exchange.getRequestMethod(), rawPath, segments,
				ApiCall.parseQuery(exchange.getRequestURI().getRawQuery()),
				exchange.getRequestHeaders().getFirst("Idempotency-Key"),
				exchange.getRequestHeaders().getFirst("Authorization"), body);
	}

	private ApiReply route(ApiCall call) {
		if (!call.rawPath().startsWith(BASE_PATH + "/") && !call.rawPath().equals(BASE_PATH)) {
			throw notFound(call);
		}
		if (!authorized(call.authorization())) {
			throw ApiError.of(401, "Invalid or missing API key.");
		}
		if (call.is("GET", "me")) {
			return this.account.me();
		}
		if (call.is("GET", "me", "numbers")) {
			return this.account.numbers();
		}
		if (call.is("GET", "contacts", "*", "capabilities")) {
			return this.account.capabilities(call.identifier(1, "contactId"));
		}
		if (call.is("GET", "webhooks")) {
			return this.webhooks.list();
		}
		if (call.is("POST", "webhooks")) {
			return this.webhooks.create(call);
		}
		if (call.is("GET", "webhooks", "*")) {
			return this.webhooks.get(call.segments().get(1));
		}
		if (call.is("DELETE", "webhooks", "*")) {
			return this.webhooks.delete(call.segments().get(1));
		}
		if (call.is("GET", "chats")) {
			return this.chats.list(call);
		}
		if (call.segments().size() >= 2 && call.segments().get(0).equals("chats")) {
			return routeChat(call);
		}
		throw notFound(call);
	}

	private ApiReply routeChat(ApiCall call) {
		if (call.is("GET", "chats", "*")) {
			return this.chats.get(call.identifier(1, "chatId"));
		}
		if (call.is("POST", "chats", "*", "read")) {
			return this.chats.markRead(call.identifier(1, "chatId"));
		}
		if (call.is("POST", "chats", "*", "typing") || call.is("DELETE", "chats", "*", "typing")) {
			return this.chats.typing(call.identifier(1, "chatId"), call.method().equals("POST"));
		}
		if (call.is("POST", "chats", "*", "messages")) {
			return this.messages.send(call, call.identifier(1, "chatId"));
		}
		if (call.is("GET", "chats", "*", "messages")) {
			return this.messages.list(call, call.identifier(1, "chatId"));
		}
		if (call.is("GET", "chats", "*", "messages", "*")) {
			return this.messages.get(call.identifier(1, "chatId"), call.identifier(3, "messageId"));
		}
		if (call.is("GET", "chats", "*", "messages", "*", "status")) {
			return this.messages.status(call.identifier(1, "chatId"), call.identifier(3, "messageId"));
		}
		throw notFound(call);
	}

	private boolean authorized(@Nullable String authorization) {
		return authorization != null
				&& MessageDigest.isEqual(this.expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
	}

	private static ApiError notFound(ApiCall call) {
		return ApiError.of(404, "No such endpoint: " + call.method() + " " + call.rawPath()
				+ " (the Blooio simulator serves " + BASE_PATH + "/...).");
	}

	private static void write(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		headers.forEach(exchange.getResponseHeaders()::set);
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
