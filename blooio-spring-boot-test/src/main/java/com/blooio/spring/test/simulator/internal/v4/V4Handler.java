package com.blooio.spring.test.simulator.internal.v4;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.ReceivedRequest;

/**
 * Serves the v4 API under {@code /v4}: checks the bearer key (the same as v2's), routes,
 * writes the JSON answer or the v4 error, and records the request.
 */
final class V4Handler implements HttpHandler {

	private final byte[] expectedAuthorization;

	private final V4Routes routes;

	private final Consumer<ReceivedRequest> requests;

	V4Handler(String apiKey, V4Routes routes, Consumer<ReceivedRequest> requests) {
		this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
		this.routes = routes;
		this.requests = requests;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		V4Request request = V4Request.read(exchange);
		int status;
		byte[] body;
		Map<String, String> headers;
		try {
			V4Reply reply = route(request);
			status = reply.status();
			body = V4Request.JSON.writeValueAsBytes(reply.body());
			headers = Map.of();
		}
		catch (V4Error error) {
			status = error.status;
			body = V4Request.JSON.writeValueAsBytes(error.body);
			headers = error.headers;
		}
		// recorded before answering, so a client that has its answer sees the request
		this.requests.accept(new ReceivedRequest(request.method(), request.rawPath(),
				exchange.getRequestHeaders().getFirst("Idempotency-Key"), status));
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		headers.forEach(exchange.getResponseHeaders()::set);
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private V4Reply route(V4Request request) {
		String path = request.rawPath();
		if (!path.equals(V4Api.BASE_PATH) && !path.startsWith(V4Api.BASE_PATH + "/")) {
			throw V4Routes.notFound(request);
		}
		if (!authorized(request.authorization())) {
			throw V4Error.unauthorized();
		}
		return this.routes.dispatch(request);
	}

	private boolean authorized(@Nullable String authorization) {
		return authorization != null
				&& MessageDigest.isEqual(this.expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
	}

}
