package com.blooio.spring.test.simulator.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.blooio.spring.test.simulator.WebhookDeliveryRecord;
import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Delivers signed webhooks to every subscription, one at a time on a single daemon
 * thread, retrying an attempt answered non-2xx (or not answered) after a fixed delay.
 * Bodies are signed by the library's {@link WebhookSigner}, the one implementation of
 * Blooio's signature scheme.
 * <p>
 * Tasks scheduled before a {@link #reset()} are dropped, so a test never receives events
 * caused by an earlier one.
 */
final class WebhookDispatcher implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WebhookDispatcher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
	 * Delivers an event to every subscription; call on the delivery thread.
	 */
	void publish(Map<String, Object> payload) {
		byte[] body = ApiCall.JSON.writeValueAsBytes(payload);
		String event = String.valueOf(payload.get("event"));
		String messageId = String.valueOf(payload.get("message_id"));
		int copies = this.faults.duplicateWebhooks() ? 2 : 1;
		for (WebhookSubscription subscription : this.state.webhooks()) {
			if (!subscription.wants(event)) {
				continue;
			}
			for (int i = 0; i < copies; i++) {
				deliver(subscription, event, messageId, body, 1);
			}
		}
	}

	private void deliver(WebhookSubscription subscription, String event, String messageId, byte[] body, int attempt) {
		long generation = this.generation.get();
		int status = post(subscription, event, messageId, body);
		synchronized (this.recordLock) {
			if (this.generation.get() != generation) {
				// reset while the request was in flight: the test that reset must not see
				// it
				return;
			}
			this.state.recordDelivery(new WebhookDeliveryRecord(subscription.url, event, messageId, status, attempt));
		}
		subscription.lastTriggered.set(System.currentTimeMillis());
		if (status >= 200 && status < 300) {
			return;
		}
		subscription.failureCount.incrementAndGet();
		if (attempt < this.maxAttempts) {
			schedule(this.retryDelay, () -> deliver(subscription, event, messageId, body, attempt + 1));
		}
	}

	private int post(WebhookSubscription subscription, String event, String messageId, byte[] body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json")
				.header(BlooioWebhook.EVENT_HEADER, event)
				.header(BlooioWebhook.MESSAGE_ID_HEADER, messageId)
				.header(WebhookSigner.SIGNATURE_HEADER, subscription.signer.signatureHeader(Instant.now(), body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Blooio simulator could not deliver " + event + " to " + subscription.url, ex);
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
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
