package com.blooio.benchmarks.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import com.blooio.benchmarks.support.Report;

/**
 * A fast stand-in for Blooio's send endpoint: plain reactor-netty, answering {@code POST
 * /v2/api/chats/{chatId}/messages} with 202 and a canned send response after reading the
 * request body. Requests without the headers Blooio requires (bearer token,
 * {@code Idempotency-Key}, JSON content type and accept) get 400, so a client that sends
 * less than the template does shows up as errors rather than as a faster client.
 */
public final class SendStubServer {

	static final String API_KEY = "bench-api-key";

	private static final String RESPONSE = "payloads/send-response.202.json";

	private SendStubServer() {
	}

	public static void main(String[] args) throws Exception {
		byte[] response = read(RESPONSE);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v2/api/chats/{chatId}/messages",
					(request, reply) -> send(request, reply, response)))
			.bindNow();
		Report.ready("port", server.port());
		new CountDownLatch(1).await();
	}

	private static Mono<Void> send(HttpServerRequest request, HttpServerResponse reply, byte[] response) {
		boolean complete = ("Bearer " + API_KEY).equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))
				&& request.requestHeaders().contains("Idempotency-Key")
				&& isJson(request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE))
				&& isJson(request.requestHeaders().get(HttpHeaderNames.ACCEPT));
		if (!complete) {
			return request.receive().then().then(Mono.defer(() -> reply.status(HttpResponseStatus.BAD_REQUEST).send()));
		}
		return reply.status(HttpResponseStatus.ACCEPTED)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(response.length))
			.sendByteArray(
					request.receive().aggregate().asByteArray().map((ignored) -> response).defaultIfEmpty(response))
			.then();
	}

	private static boolean isJson(String value) {
		return value != null && value.startsWith("application/json");
	}

	private static byte[] read(String resource) throws IOException {
		try (InputStream input = SendStubServer.class.getClassLoader().getResourceAsStream(resource)) {
			if (input == null) {
				throw new IllegalStateException(resource + " is missing");
			}
			return input.readAllBytes();
		}
	}

}
