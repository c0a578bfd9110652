package com.blooio.spring.test.simulator.internal.v4;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.WebhookDeliveryRecord;
import com.blooio.spring.test.simulator.internal.Ids;
import com.blooio.spring.test.simulator.internal.delivery.DeliveryResult;
import com.blooio.spring.test.simulator.internal.delivery.DeliveryScheduler;
import com.blooio.spring.test.simulator.internal.delivery.SignedPoster;
import com.blooio.spring.test.simulator.internal.delivery.SignedPoster.SignedWebhook;

/**
 * Delivers v4 envelopes to subscriptions, one at a time on a daemon thread of its own,
 * signed with the subscription's secret at the time of each attempt, retrying an attempt
 * answered non-2xx (or not answered) after a fixed delay like v2 deliveries, and
 * recording every attempt. Tasks scheduled before a {@link #reset()} are dropped.
 */
final class V4Dispatcher implements AutoCloseable {

	private final V4State state;

	private final Envelopes envelopes;

	private final int maxAttempts;

	private final Duration retryDelay;

	private final BooleanSupplier duplicate;

	private final Consumer<WebhookDeliveryRecord> attempts;

	private final DeliveryScheduler scheduler = new DeliveryScheduler("blooio-simulator-v4-webhooks");

	private final SignedPoster poster = new SignedPoster();

	V4Dispatcher(V4State state, Envelopes envelopes, int maxAttempts, Duration retryDelay, BooleanSupplier duplicate,
			Consumer<WebhookDeliveryRecord> attempts) {
		this.state = state;
		this.envelopes = envelopes;
		this.maxAttempts = maxAttempts;
		this.retryDelay = retryDelay;
		this.duplicate = duplicate;
		this.attempts = attempts;
	}

	/**
	 * Delivers an event to the subscriptions that wanted it when it happened.
	 */
	void publish(V4Event event, List<V4Subscription> targets) {
		int copies = this.duplicate.getAsBoolean() ? 2 : 1;
		for (V4Subscription subscription : targets) {
			for (int i = 0; i < copies; i++) {
				this.scheduler.schedule(Duration.ZERO, () -> deliver(subscription, event, 1));
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
		this.scheduler.schedule(Duration.ZERO, () -> {
			long generation = this.scheduler.generation();
			Attempt attempt = post(subscription, event, true);
			record(new V4Delivery(this.state.nextSequence(), id, subscription.id, event.id(), event.type(),
					attempt.succeeded(), 1, attempt.status(), attempt.at(), null, replayOf), subscription, event, 1,
					generation);
		});
		return id;
	}

	private void deliver(V4Subscription subscription, V4Event event, int attemptCount) {
		long generation = this.scheduler.generation();
		Attempt attempt = post(subscription, event, false);
		boolean retry = !attempt.succeeded() && attemptCount < this.maxAttempts;
		Long nextAttemptAt = retry ? attempt.at() + this.retryDelay.toMillis() : null;
		boolean recorded = record(
				new V4Delivery(this.state.nextSequence(), deliveryId(), subscription.id, event.id(), event.type(),
						attempt.succeeded(), attemptCount, attempt.status(), attempt.at(), nextAttemptAt, null),
				subscription, event, attemptCount, generation);
		if (recorded && retry) {
			this.scheduler.schedule(this.retryDelay, () -> deliver(subscription, event, attemptCount + 1));
		}
	}

	private boolean record(V4Delivery delivery, V4Subscription subscription, V4Event event, int attemptCount,
			long generation) {
		return this.scheduler.recordUnlessReset(generation, () -> {
			this.state.record(delivery);
			this.attempts.accept(new WebhookDeliveryRecord(subscription.url, event.type(), event.messageId(),
					(delivery.responseStatus() != null) ? delivery.responseStatus() : -1, attemptCount));
		});
	}

	private Attempt post(V4Subscription subscription, V4Event event, boolean replay) {
		byte[] body = V4Request.JSON.writeValueAsBytes(this.envelopes.delivered(event));
		long at = System.currentTimeMillis();
		DeliveryResult result = this.poster.post(new SignedWebhook(subscription.url, subscription.signer(),
				event.type(), event.messageId(), replay ? event.id() : null, body));
		return new Attempt(result, at);
	}

	private static String deliveryId() {
		return "wdel_" + Ids.hex(10);
	}

	void reset() {
		this.scheduler.reset();
	}

	@Override
	public void close() {
		this.scheduler.close();
	}

	private record Attempt(DeliveryResult result, long at) {

		boolean succeeded() {
			return this.result.succeeded();
		}

		@Nullable Integer status() {
			return this.result.answered() ? this.result.status() : null;
		}

	}

}
