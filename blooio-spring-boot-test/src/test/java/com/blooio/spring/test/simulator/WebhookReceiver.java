package com.blooio.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.fail;

/**
 * A small webhook receiver for tests: records every POST and answers 200, or the statuses
 * queued with {@link #answer(int...)} first.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new ArrayList<>();

	private final Deque<Integer> answers = new ArrayDeque<>();

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			int status;
			synchronized (this) {
				this.received.add(new Received(exchange.getRequestHeaders().getFirst("X-Blooio-Event"),
						exchange.getRequestHeaders().getFirst("X-Blooio-Message-Id"),
						exchange.getRequestHeaders().getFirst("X-Blooio-Signature"),
						exchange.getRequestHeaders().getFirst("Content-Type"), body));
				Integer next = this.answers.poll();
				status = (next != null) ? next : 200;
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/blooio/webhook";
	}

	synchronized void answer(int... statuses) {
		for (int status : statuses) {
			this.answers.add(status);
		}
	}

	synchronized List<Received> received() {
		return List.copyOf(this.received);
	}

	Received await(Predicate<Received> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < deadline) {
			for (Received delivery : received()) {
				if (condition.test(delivery)) {
					return delivery;
				}
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return fail("No matching webhook received; got " + received());
	}

	Received awaitEvent(String event) {
		return await((delivery) -> event.equals(delivery.event()));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String event, String messageId, String signature, String contentType, byte[] body) {

		String json() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return this.event + " " + json();
		}

	}

}
