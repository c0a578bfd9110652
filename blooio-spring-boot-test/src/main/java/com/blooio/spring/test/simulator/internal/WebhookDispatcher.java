package com.blooio.spring.test.simulator.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.internal.delivery.DeliveryResult;
import com.blooio.spring.test.simulator.internal.delivery.DeliveryScheduler;
import com.blooio.spring.test.simulator.internal.delivery.SignedPoster;
import com.blooio.spring.test.simulator.internal.delivery.SignedPoster.SignedWebhook;

/**
 * Delivers signed webhooks to every active subscription, one at a time on a single daemon
 * thread, retrying an attempt answered non-2xx (or not answered) after a fixed delay, and
 * logging every attempt in the subscription's delivery log, from which it can be
 * replayed.
 * <p>
 * Tasks scheduled before a {@link #reset()} are dropped, so a test never receives events
 * caused by an earlier one.
 */
final class WebhookDispatcher implements AutoCloseable {

	private final SimulatorState state;

	private final FaultState faults;

	private final int maxAttempts;

	private final Duration retryDelay;

	private final DeliveryScheduler scheduler = new DeliveryScheduler("blooio-simulator-webhooks");

	private final SignedPoster poster = new SignedPoster();

	WebhookDispatcher(SimulatorState state, FaultState faults, int maxAttempts, Duration retryDelay) {
		this.state = state;
		this.faults = faults;
		this.maxAttempts = maxAttempts;
		this.retryDelay = retryDelay;
	}

	/**
	 * Runs a task on the delivery thread after a delay, unless the simulator is reset
	 * meanwhile.
	 */
	void schedule(Duration delay, Runnable task) {
		this.scheduler.schedule(delay, task);
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
		long generation = this.scheduler.generation();
		WebhookLogEntry entry = post(subscription, payload, null);
		boolean recorded = this.scheduler.recordUnlessReset(generation,
				() -> this.state.recordDelivery(subscription, entry, attempt));
		if (recorded && !entry.result().succeeded() && attempt < this.maxAttempts) {
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
		this.scheduler.record(() -> this.state.recordDelivery(subscription, entry, 1));
		return entry;
	}

	private WebhookLogEntry post(WebhookSubscription subscription, Map<String, Object> payload,
			@Nullable String replayOf) {
		byte[] body = ApiCall.JSON.writeValueAsBytes(payload);
		String event = String.valueOf(payload.get("event"));
		String messageId = String.valueOf(payload.get("message_id"));
		String eventId = Ids.eventId();
		long attemptedAt = System.currentTimeMillis();
		DeliveryResult result = this.poster
			.post(new SignedWebhook(subscription.url, subscription.signer(), event, messageId, replayOf, body));
		subscription.lastTriggered.set(System.currentTimeMillis());
		if (!result.succeeded()) {
			subscription.failureCount.incrementAndGet();
		}
		return new WebhookLogEntry(eventId, attemptedAt, subscription.url, event, messageId, payload, result, replayOf);
	}

	void reset() {
		this.scheduler.reset();
	}

	@Override
	public void close() {
		this.scheduler.close();
	}

}
