package com.blooio.spring.test.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.ReceivedRequest;

/**
 * Serves the simulated API under {@code /v2/api}: records the request, applies a pending
 * fault, checks the bearer key, routes, and writes the JSON answer or Blooio's error
 * body.
 * <p>
 * One route table serves both dispatch and the {@code 405} answer: a request no route
 * takes gets {@code Allow} with the methods of the routes on its path, or 404 when there
 * are none.
 */
final class ApiHandler implements HttpHandler {

	static final String BASE_PATH = "/v2/api";

	private final SimulatorState state;

	private final FaultState faults;

	private final byte[] expectedAuthorization;

	/**
	 * Every route served, in the order their methods are listed in {@code Allow}.
	 */
	private final RouteTable routes;

	ApiHandler(SimulatorState state, FaultState faults, String apiKey, MessagesApi messages, ChatsApi chats,
			AccountApi account, WebhooksApi webhooks, ContactsApi contacts, GroupsApi groups) {
		this.state = state;
		this.faults = faults;
		this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
		this.routes = new RouteTable().add("GET", "me", (call) -> account.me())
			.add("GET", "me/numbers", (call) -> account.numbers())
			.add("GET", "contacts", contacts::list)
			.add("POST", "contacts", contacts::create)
			.add("GET", "contacts/*", (call) -> contacts.get(contactId(call)))
			.add("PATCH", "contacts/*", (call) -> contacts.update(call, contactId(call)))
			.add("DELETE", "contacts/*", (call) -> contacts.delete(contactId(call)))
			.add("GET", "contacts/*/capabilities", (call) -> account.capabilities(contactId(call)))
			.add("GET", "groups", groups::list)
			.add("POST", "groups", groups::create)
			.add("GET", "groups/*", (call) -> groups.get(groupId(call)))
			.add("PATCH", "groups/*", (call) -> groups.update(call, groupId(call)))
			.add("DELETE", "groups/*", (call) -> groups.delete(groupId(call)))
			.add("GET", "groups/*/members", (call) -> groups.members(call, groupId(call)))
			.add("POST", "groups/*/members", (call) -> groups.comingSoon(groupId(call)))
			.add("DELETE", "groups/*/members/*", (call) -> groups.comingSoon(groupId(call)))
			.add("GET", "webhooks", (call) -> webhooks.list())
			.add("POST", "webhooks", webhooks::create)
			.add("GET", "webhooks/*", (call) -> webhooks.get(call.segments().get(1)))
			.add("DELETE", "webhooks/*", (call) -> webhooks.delete(call.segments().get(1)))
			.add("GET", "chats", chats::list)
			.add("GET", "chats/*", (call) -> chats.get(chatId(call)))
			.add("POST", "chats/*/read", (call) -> chats.markRead(chatId(call)))
			.add("POST", "chats/*/typing", (call) -> chats.typing(chatId(call), true))
			.add("DELETE", "chats/*/typing", (call) -> chats.typing(chatId(call), false))
			.add("POST", "chats/*/messages", (call) -> messages.send(call, chatId(call)))
			.add("GET", "chats/*/messages", (call) -> messages.list(call, chatId(call)))
			.add("GET", "chats/*/messages/*", (call) -> messages.get(chatId(call), messageId(call)))
			.add("GET", "chats/*/messages/*/status", (call) -> messages.status(chatId(call), messageId(call)));
	}

	private static String contactId(ApiCall call) {
		return call.identifier(1, "contactId");
	}

	private static String groupId(ApiCall call) {
		return call.identifier(1, "groupId");
	}

	private static String chatId(ApiCall call) {
		return call.identifier(1, "chatId");
	}

	private static String messageId(ApiCall call) {
		return call.identifier(3, "messageId");
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
		return this.routes.dispatch(call);
	}

	private boolean authorized(@Nullable String authorization) {
		return authorization != null
				&& MessageDigest.isEqual(this.expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Answers a request for a served path with a method it is not served with: 405 with
	 * {@code Allow}.
	 */
	private static ApiError methodNotAllowed(ApiCall call, Set<String> allowed) {
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

	/**
	 * The routes served, each a method, a path below {@code /v2/api} as segments
	 * ({@code *} for a variable one) and what answers it. A call no route takes is
	 * answered 405 with {@code Allow} when routes with other methods serve its path, 404
	 * otherwise.
	 */
	private static final class RouteTable {

		private final List<Route> routes = new ArrayList<>();

		RouteTable add(String method, String path, Function<ApiCall, ApiReply> action) {
			this.routes.add(new Route(method, List.of(path.split("/")), action));
			return this;
		}

		ApiReply dispatch(ApiCall call) {
			Set<String> allowed = new LinkedHashSet<>();
			for (Route route : this.routes) {
				if (call.pathMatches(route.path())) {
					if (route.method().equals(call.method())) {
						return route.action().apply(call);
					}
					allowed.add(route.method());
				}
			}
			throw allowed.isEmpty() ? notFound(call) : methodNotAllowed(call, allowed);
		}

	}

	private record Route(String method, List<String> path, Function<ApiCall, ApiReply> action) {

	}

}
