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
 * fault, checks the bearer key, routes through the {@link RouteTable}, and writes the
 * JSON answer or Blooio's error body.
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

	ApiHandler(SimulatorState state, FaultState faults, String apiKey, RouteTable routes) {
		this.state = state;
		this.faults = faults;
		this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
		this.routes = routes;
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
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Content-Type"), body);
	}

	private ApiReply route(ApiCall call) {
		if (!call.rawPath().startsWith(BASE_PATH + "/") && !call.rawPath().equals(BASE_PATH)) {
			throw RouteTable.notFound(call);
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
