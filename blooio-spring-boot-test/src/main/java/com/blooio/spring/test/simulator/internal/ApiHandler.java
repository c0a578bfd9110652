package com.blooio.spring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	private final ContactsApi contacts;

	private final GroupsApi groups;

	/**
	 * Every route served, as method followed by path segments ({@code *} for a variable);
	 * used to answer 405 with {@code Allow} for a known path and a wrong method.
	 */
	private static final List<List<String>> ROUTES = List.of(List.of("GET", "me"), List.of("GET", "me", "numbers"),
			List.of("GET", "contacts"), List.of("POST", "contacts"), List.of("GET", "contacts", "*"),
			List.of("PATCH", "contacts", "*"), List.of("DELETE", "contacts", "*"),
			List.of("GET", "contacts", "*", "capabilities"), List.of("GET", "groups"), List.of("POST", "groups"),
			List.of("GET", "groups", "*"), List.of("PATCH", "groups", "*"), List.of("DELETE", "groups", "*"),
			List.of("GET", "groups", "*", "members"), List.of("POST", "groups", "*", "members"),
			List.of("DELETE", "groups", "*", "members", "*"), List.of("GET", "webhooks"), List.of("POST", "webhooks"),
			List.of("GET", "webhooks", "*"), List.of("DELETE", "webhooks", "*"), List.of("GET", "chats"),
			List.of("GET", "chats", "*"), List.of("POST", "chats", "*", "read"),
			List.of("POST", "chats", "*", "typing"), List.of("DELETE", "chats", "*", "typing"),
			List.of("POST", "chats", "*", "messages"), List.of("GET", "chats", "*", "messages"),
			List.of("GET", "chats", "*", "messages", "*"), List.of("GET", "chats", "*", "messages", "*", "status"));

	ApiHandler(SimulatorState state, SimulatorFaults faults, String apiKey, MessagesApi messages, ChatsApi chats,
			AccountApi account, WebhooksApi webhooks, ContactsApi contacts, GroupsApi groups) {
		this.state = state;
		this.faults = faults;
		this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
		this.messages = messages;
		this.chats = chats;
		this.account = account;
		this.webhooks = webhooks;
		this.contacts = contacts;
		this.groups = groups;
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
		byte[] body;
		Map<String, String> headers;
		try {
			if (fault != null && fault.error() != null) {
				throw fault.error();
			}
			ApiReply reply = route(call);
			status = reply.status();
			body = ApiCall.JSON.writeValueAsBytes(reply.body());
			headers = Map.of();
		}
		catch (ApiError error) {
			status = error.status;
			body = ApiCall.JSON.writeValueAsBytes(error.body);
			headers = error.headers;
		}
		// recorded before answering, so a client that has its answer sees the request
		this.state.recordRequest(new ReceivedRequest(call.method(), call.rawPath(), call.idempotencyKey(), status));
		write(exchange, status, body, headers);
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
		if (call.segments().size() >= 1 && call.segments().get(0).equals("contacts")) {
			ApiReply reply = routeContacts(call);
			if (reply != null) {
				return reply;
			}
		}
		if (call.segments().size() >= 1 && call.segments().get(0).equals("groups")) {
			ApiReply reply = routeGroups(call);
			if (reply != null) {
				return reply;
			}
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
		throw unmatched(call);
	}

	private @Nullable ApiReply routeContacts(ApiCall call) {
		if (call.is("GET", "contacts")) {
			return this.contacts.list(call);
		}
		if (call.is("POST", "contacts")) {
			return this.contacts.create(call);
		}
		if (call.is("GET", "contacts", "*")) {
			return this.contacts.get(call.identifier(1, "contactId"));
		}
		if (call.is("PATCH", "contacts", "*")) {
			return this.contacts.update(call, call.identifier(1, "contactId"));
		}
		if (call.is("DELETE", "contacts", "*")) {
			return this.contacts.delete(call.identifier(1, "contactId"));
		}
		return null;
	}

	private @Nullable ApiReply routeGroups(ApiCall call) {
		if (call.is("GET", "groups")) {
			return this.groups.list(call);
		}
		if (call.is("POST", "groups")) {
			return this.groups.create(call);
		}
		if (call.is("GET", "groups", "*")) {
			return this.groups.get(call.identifier(1, "groupId"));
		}
		if (call.is("PATCH", "groups", "*")) {
			return this.groups.update(call, call.identifier(1, "groupId"));
		}
		if (call.is("DELETE", "groups", "*")) {
			return this.groups.delete(call.identifier(1, "groupId"));
		}
		if (call.is("GET", "groups", "*", "members")) {
			return this.groups.members(call, call.identifier(1, "groupId"));
		}
		if (call.is("POST", "groups", "*", "members") || call.is("DELETE", "groups", "*", "members", "*")) {
			return this.groups.comingSoon(call.identifier(1, "groupId"));
		}
		return null;
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
		throw unmatched(call);
	}

	private boolean authorized(@Nullable String authorization) {
		return authorization != null
				&& MessageDigest.isEqual(this.expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Answers a request no route took: 405 with {@code Allow} when the path is served
	 * with other methods, 404 otherwise.
	 */
	private static ApiError unmatched(ApiCall call) {
		Set<String> allowed = new LinkedHashSet<>();
		for (List<String> route : ROUTES) {
			if (call.is(call.method(), route.subList(1, route.size()).toArray(String[]::new))) {
				allowed.add(route.get(0));
			}
		}
		if (allowed.isEmpty()) {
			return notFound(call);
		}
		String allow = String.join(", ", allowed);
		return ApiError.of(405,
				"Method " + call.method() + " is not allowed on " + call.rawPath() + "; use " + allow + ".", Map.of(),
				Map.of("Allow", allow));
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
