package com.blooio.spring.test.simulator.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Moves sent messages through queued → sent → delivered (→ read) and publishes the
 * matching webhooks, a few milliseconds apart; publishes inbound messages at once. Every
 * event also goes to the v4 event feed, before the v2 deliveries are attempted.
 */
final class MessageLifecycle {

	static final String FAILURE_CODE = "delivery_failed";

	static final String FAILURE_MESSAGE = "The message could not be delivered to the recipient.";

	private static final Duration STEP = Duration.ofMillis(20);

	private final SimulatorState state;

	private final Representations representations;

	private final WebhookDispatcher dispatcher;

	private final SettingsState settings;

	private final FaultState faults;

	private final Consumer<Map<String, Object>> events;

	MessageLifecycle(SimulatorState state, Representations representations, WebhookDispatcher dispatcher,
			SettingsState settings, FaultState faults, Consumer<Map<String, Object>> events) {
		this.state = state;
		this.representations = representations;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.faults = faults;
		this.events = events;
	}

	void sent(List<StoredMessage> messages) {
		for (StoredMessage message : messages) {
			if (this.settings.holdsDeliveriesTo(message.chat.id)) {
				continue;
			}
			if (this.settings.failsDeliveriesTo(message.chat.id)) {
				this.dispatcher.schedule(STEP, () -> advance(message, "failed"));
				continue;
			}
			List<String> steps = new ArrayList<>(List.of("sent", "delivered"));
			if (this.settings.readReceipts()) {
				steps.add("read");
			}
			if (this.faults.reverseWebhookOrder()) {
				this.dispatcher.schedule(STEP, () -> advanceAllReversed(message, steps));
			}
			else {
				for (int i = 0; i < steps.size(); i++) {
					String step = steps.get(i);
					this.dispatcher.schedule(STEP.multipliedBy(i + 1L), () -> advance(message, step));
				}
			}
		}
	}

	void received(StoredMessage message) {
		this.dispatcher.schedule(Duration.ZERO,
				() -> publish(payload("message.received", message, System.currentTimeMillis())));
	}

	private void advance(StoredMessage message, String status) {
		long now = System.currentTimeMillis();
		this.state.advance(message, status, now);
		publish(payload("message." + status, message, now));
	}

	private void advanceAllReversed(StoredMessage message, List<String> steps) {
		long now = System.currentTimeMillis();
		List<Map<String, Object>> payloads = new ArrayList<>();
		for (String step : steps) {
			this.state.advance(message, step, now);
			payloads.add(payload("message." + step, message, now));
		}
		Collections.reverse(payloads);
		payloads.forEach(this::publish);
	}

	private void publish(Map<String, Object> payload) {
		this.events.accept(payload);
		this.dispatcher.publish(payload);
	}

	private Map<String, Object> payload(String event, StoredMessage message, long at) {
		return this.state.locked(() -> this.representations.webhookPayload(event, message, at));
	}

}
