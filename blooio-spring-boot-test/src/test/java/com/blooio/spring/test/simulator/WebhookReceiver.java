package com.blooio.spring.test.simulator;

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
import java.util.Objects;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.signature.WebhookSigner;

import static org.assertj.core.api.Assertions.fail;

/**
 * A small webhook receiver for tests: records every POST and answers 200, or the statuses
 * queued with {@link #answer(int...)} first.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
				this.received.add(new Received(exchange.getRequestHeaders().getFirst(BlooioWebhook.EVENT_HEADER),
						exchange.getRequestHeaders().getFirst(BlooioWebhook.MESSAGE_ID_HEADER),
						exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER),
						exchange.getRequestHeaders().getFirst("Content-Type"),
						exchange.getRequestHeaders().getFirst("X-Original-Event-Id"), body));
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
		try {
			return Awaitility.await()
				.atMost(TIMEOUT)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(10))
				.until(() -> find(condition), Objects::nonNull);
		}
		catch (ConditionTimeoutException ex) {
			return fail("No matching webhook received; got " + received(), ex);
		}
	}

	private Received find(Predicate<Received> condition) {
		return received().stream().filter(condition).findFirst().orElse(null);
	}

	Received awaitEvent(String event) {
		return await((delivery) -> event.equals(delivery.event()));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A received delivery; {@code originalEventId} is the {@code X-Original-Event-Id} of
	 * a replay, else {@code null}.
	 */
	record Received(String event, String messageId, String signature, String contentType, String originalEventId,
			byte[] body) {

		String json() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return this.event + " " + json();
		}

	}

}
