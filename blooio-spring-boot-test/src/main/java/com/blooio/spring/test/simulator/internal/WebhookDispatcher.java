package com.blooio.spring.test.simulator.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Delivers signed webhooks to every active subscription, one at a time on a single daemon
 * thread, retrying an attempt answered non-2xx (or not answered) after a fixed delay, and
 * logging every attempt in the subscription's delivery log, from which it can be
 * replayed. Bodies are signed by the library's {@link WebhookSigner}, the one
 * implementation of Blooio's signature scheme.
 * <p>
 * Tasks scheduled before a {@link #reset()} are dropped, so a test never receives events
 * caused by an earlier one.
 */
final class WebhookDispatcher implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WebhookDispatcher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	static final String REPLAY_HEADER = "X-Blooio-Replay";

	static final String ORIGINAL_EVENT_ID_HEADER = "X-Original-Event-Id";

	private final SimulatorState state;

	private final FaultState faults;

	private final int maxAttempts;

	private final Duration retryDelay;

	private final ScheduledExecutorService scheduler;

	private final HttpClient client;

	private final AtomicLong generation = new AtomicLong();

	/** Makes "still the same generation?" and recording a delivery one step. */
	private final Object recordLock = new Object();

	WebhookDispatcher(SimulatorState state, FaultState faults, int maxAttempts, Duration retryDelay) {
		this.state = state;
		this.faults = faults;
		this.maxAttempts = maxAttempts;
		this.retryDelay = retryDelay;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "blooio-simulator-webhooks");
			thread.setDaemon(true);
			return thread;
		});
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
	}

	/**
	 * Runs a task on the delivery thread after a delay, unless the simulator is reset
	 * meanwhile.
	 */
	void schedule(Duration delay, Runnable task) {
		long scheduledIn = this.generation.get();
		try {
			this.scheduler.schedule(() -> run(scheduledIn, task), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed: nothing more is delivered
		}
	}

	private void run(long scheduledIn, Runnable task) {
		if (this.generation.get() != scheduledIn) {
			return;
		}
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Blooio simulator task failed", ex);
		}
	}

	/**
	 * Delivers an event to every active subscription that wants it; call on the delivery
	 * thread.
	 */
	void publish(Map<String, Object> payload) {
		int copies = this.faults.duplicateWebhooks() ? 2 : 1;
		long now = System.currentTimeMillis();
		String event = String.valueOf(payload.get("event"));
		List<WebhookSubscription> targets = this.state.locked(() -> this.state.webhooks()
			.stream()
			.filter((subscription) -> subscription.active(now) && subscription.wants(event))
			.toList());
		for (WebhookSubscription subscription : targets) {
			for (int i = 0; i < copies; i++) {
				deliver(subscription, payload, 1);
			}
		}
	}

	private void deliver(WebhookSubscription subscription, Map<String, Object> payload, int attempt) {
		long generation = this.generation.get();
		WebhookLogEntry entry = post(subscription, payload, null);
		synchronized (this.recordLock) {
			if (this.generation.get() != generation) {
				// reset while the request was in flight: the test that reset must not see
				// it
				return;
			}
			this.state.recordDelivery(subscription, entry, attempt);
		}
		if (entry.result().succeeded()) {
			return;
		}
		if (attempt < this.maxAttempts) {
			schedule(this.retryDelay, () -> deliver(subscription, payload, attempt + 1));
		}
	}

	/**
	 * Delivers a logged event once more, at once and on the calling thread, with the
	 * replay headers and signed with the subscription's current secret; logs and records
	 * the attempt.
	 * @param subscription the subscription
	 * @param original the logged attempt to replay
	 * @return the replay's log entry
	 */
	WebhookLogEntry replay(WebhookSubscription subscription, WebhookLogEntry original) {
		WebhookLogEntry entry = post(subscription, original.payload(), original.eventId());
		synchronized (this.recordLock) {
			this.state.recordDelivery(subscription, entry, 1);
		}
		return entry;
	}

	private WebhookLogEntry post(WebhookSubscription subscription, Map<String, Object> payload,
			@Nullable String replayOf) {
		byte[] body = ApiCall.JSON.writeValueAsBytes(payload);
		String event = String.valueOf(payload.get("event"));
		String messageId = String.valueOf(payload.get("message_id"));
		String eventId = Ids.eventId();
		long attemptedAt = System.currentTimeMillis();
		long started = System.nanoTime();
		DeliveryResult result;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.url))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json")
				.header(BlooioWebhook.EVENT_HEADER, event)
				.header(BlooioWebhook.MESSAGE_ID_HEADER, messageId)
				.header(WebhookSigner.SIGNATURE_HEADER, subscription.signer().signatureHeader(Instant.now(), body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			if (replayOf != null) {
				request.header(REPLAY_HEADER, "true").header(ORIGINAL_EVENT_ID_HEADER, replayOf);
			}
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
			result = new DeliveryResult(response.statusCode(), System.currentTimeMillis(), elapsedMillis(started),
					response.headers().firstValue("Content-Type").orElse(null), headers, response.body(), null);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Blooio simulator could not deliver " + event + " to " + subscription.url, ex);
			result = DeliveryResult.unreachable(elapsedMillis(started), ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result = DeliveryResult.unreachable(elapsedMillis(started), "Interrupted");
		}
		subscription.lastTriggered.set(System.currentTimeMillis());
		if (!result.succeeded()) {
			subscription.failureCount.incrementAndGet();
		}
		return new WebhookLogEntry(eventId, attemptedAt, subscription.url, event, messageId, payload, result, replayOf);
	}

	private static long elapsedMillis(long startedNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
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

}
