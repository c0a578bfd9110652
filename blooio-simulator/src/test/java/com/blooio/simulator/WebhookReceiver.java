package com.blooio.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

/**
 * The tiny webhook receiver a test in any language would write: records every POST with
 * its headers and raw body, answers 200.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Delivery> received = new ArrayList<>();

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			synchronized (this) {
				this.received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Blooio-Event"),
						exchange.getRequestHeaders().getFirst("X-Blooio-Signature"),
						new String(body, StandardCharsets.UTF_8)));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/webhooks/blooio";
	}

	synchronized List<Delivery> received() {
		return List.copyOf(this.received);
	}

	Delivery await(Predicate<Delivery> condition) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> received().stream().filter(condition).findFirst(), (found) -> found.isPresent())
			.orElseThrow();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Delivery(String event, String signature, String body) {

	}

}
