package com.blooio.spring.test.simulator.internal.v4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.WebhookDeliveryRecord;
import com.blooio.spring.test.simulator.internal.Ids;
import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Delivers v4 envelopes to subscriptions, one at a time on a daemon thread of its own,
 * signed with the subscription's secret at the time of each attempt, retrying an attempt
 * answered non-2xx (or not answered) after a fixed delay like v2 deliveries, and
 * recording every attempt. Tasks scheduled before a {@link #reset()} are dropped.
 */
final class V4Dispatcher implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(V4Dispatcher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final V4State state;

	private final Envelopes envelopes;

	private final int maxAttempts;

	private final Duration retryDelay;

	private final BooleanSupplier duplicate;

	private final Consumer<WebhookDeliveryRecord> attempts;

	private final ScheduledExecutorService scheduler;

	private final HttpClient client;

	private final AtomicLong generation = new AtomicLong();

	/** Makes "still the same generation?" and recording an attempt one step. */
	private final Object recordLock = new Object();

	V4Dispatcher(V4State state, Envelopes envelopes, int maxAttempts, Duration retryDelay, BooleanSupplier duplicate,
			Consumer<WebhookDeliveryRecord> attempts) {
		this.state = state;
		this.envelopes = envelopes;
		this.maxAttempts = maxAttempts;
		this.retryDelay = retryDelay;
		this.duplicate = duplicate;
		this.attempts = attempts;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "blooio-simulator-v4-webhooks");
			thread.setDaemon(true);
			return thread;
		});
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
	}

	/**
	 * Delivers an event to the subscriptions that wanted it when it happened.
	 */
	void publish(V4Event event, List<V4Subscription> targets) {
		int copies = this.duplicate.getAsBoolean() ? 2 : 1;
		for (V4Subscription subscription : targets) {
			for (int i = 0; i < copies; i++) {
				schedule(Duration.ZERO, () -> deliver(subscription, event, 1));
			}
		}
	}

	/**
	 * Delivers an event once more, soon, signed with the subscription's current secret
	 * and marked as a replay.
	 * @return the id the replay's attempt will be recorded with
	 */
	String replay(V4Subscription subscription, V4Event event, String replayOf) {
		String id = deliveryId();
		schedule(Duration.ZERO, () -> {
			long generation = this.generation.get();
			Attempt attempt = post(subscription, event, true);
			record(new V4Delivery(this.state.nextSequence(), id, subscription.id, event.id(), event.type(),
					attempt.succeeded(), 1, attempt.status(), attempt.at(), null, replayOf), subscription, event, 1,
					generation);
		});
		return id;
	}

	private void deliver(V4Subscription subscription, V4Event event, int attemptCount) {
		long generation = this.generation.get();
		Attempt attempt = post(subscription, event, false);
		boolean retry = !attempt.succeeded() && attemptCount < this.maxAttempts;
		Long nextAttemptAt = retry ? attempt.at() + this.retryDelay.toMillis() : null;
		boolean recorded = record(
				new V4Delivery(this.state.nextSequence(), deliveryId(), subscription.id, event.id(), event.type(),
						attempt.succeeded(), attemptCount, attempt.status(), attempt.at(), nextAttemptAt, null),
				subscription, event, attemptCount, generation);
		if (recorded && retry) {
			schedule(this.retryDelay, () -> deliver(subscription, event, attemptCount + 1));
		}
	}

	private boolean record(V4Delivery delivery, V4Subscription subscription, V4Event event, int attemptCount,
			long generation) {
		synchronized (this.recordLock) {
			if (this.generation.get() != generation) {
				// reset while the request was in flight: the test that reset must not see
				// it
				return false;
			}
			this.state.record(delivery);
			this.attempts.accept(new WebhookDeliveryRecord(subscription.url, event.type(), event.messageId(),
					(delivery.responseStatus() != null) ? delivery.responseStatus() : -1, attemptCount));
			return true;
		}
	}

	private Attempt post(V4Subscription subscription, V4Event event, boolean replay) {
		byte[] body = V4Request.JSON.writeValueAsBytes(this.envelopes.delivered(event));
		long at = System.currentTimeMillis();
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.url))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json")
				.header(BlooioWebhook.EVENT_HEADER, event.type())
				.header(WebhookSigner.SIGNATURE_HEADER, subscription.signer().signatureHeader(Instant.now(), body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			if (event.messageId() != null) {
				request.header(BlooioWebhook.MESSAGE_ID_HEADER, event.messageId());
			}
			if (replay) {
				request.header(BlooioWebhook.REPLAY_HEADER, "true")
					.header(BlooioWebhook.ORIGINAL_EVENT_ID_HEADER, event.id());
			}
			HttpResponse<Void> response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
			return new Attempt(response.statusCode(), at);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Blooio simulator could not deliver " + event.type() + " to " + subscription.url, ex);
			return new Attempt(null, at);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Attempt(null, at);
		}
	}

	private void schedule(Duration delay, Runnable task) {
		long scheduledIn = this.generation.get();
		try {
			this.scheduler.schedule(() -> {
				if (this.generation.get() != scheduledIn) {
					return;
				}
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Blooio simulator v4 delivery failed", ex);
				}
			}, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed: nothing more is delivered
		}
	}

	private static String deliveryId() {
		return "wdel_" + Ids.hex(10);
	}

	void reset() {
		synchronized (this.recordLock) {
			this.generation.incrementAndGet();
		}
	}

	@Override
	public void close() {
		this.generation.incrementAndGet();
		this.scheduler.shutdownNow();
	}

	private record Attempt(@Nullable Integer status, long at) {

		boolean succeeded() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

}
