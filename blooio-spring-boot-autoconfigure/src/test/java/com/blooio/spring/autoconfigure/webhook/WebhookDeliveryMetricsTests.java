package com.blooio.spring.autoconfigure.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.blooio.spring.webhook.WebhookOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebhookDeliveryMetrics}: the meters, their tags, the lag computed from
 * a fixed clock, and the bound on event-name tags.
 */
class WebhookDeliveryMetricsTests {

	private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final WebhookDeliveryMetrics metrics = new WebhookDeliveryMetrics(this.registry,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@ParameterizedTest
	@EnumSource(WebhookOutcome.class)
	void eachOutcomeCountsOneDeliveryTaggedWithEventAndOutcome(WebhookOutcome outcome) {
		this.metrics.observe("message.received", outcome, null);
		assertThat(this.registry.get(WebhookDeliveryMetrics.DELIVERIES)
			.tag("event", "message.received")
			.tag("outcome", outcome.tag())
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.find(WebhookDeliveryMetrics.DELIVERIES).counters()).singleElement()
			.satisfies((counter) -> assertThat(counter.getId().getTags()).hasSize(2));
	}

	@Test
	void repeatedOutcomesAddUpOnOneCounter() {
		this.metrics.observe("message.sent", WebhookOutcome.HANDLED, null);
		this.metrics.observe("message.sent", WebhookOutcome.HANDLED, null);
		this.metrics.observe("message.sent", WebhookOutcome.DUPLICATE, null);
		assertThat(deliveries("message.sent", "handled")).isEqualTo(2);
		assertThat(deliveries("message.sent", "duplicate")).isEqualTo(1);
	}

	@Test
	void deliveryWithoutEventTypeIsTaggedUnknown() {
		this.metrics.observe(null, WebhookOutcome.BAD_SIGNATURE, null);
		assertThat(deliveries("unknown", "bad_signature")).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "message.received", "message.sent", "message.delivered", "message.failed", "message.read",
			"message.reaction", "poll.voted", "typing.started", "safety.number_banned", "contact.merged",
			"message.pending" })
	void knownEventTypeIsTaggedWithItsName(String eventType) {
		this.metrics.observe(eventType, WebhookOutcome.HANDLED, null);
		assertThat(deliveries(eventType, "handled")).isEqualTo(1);
	}

	@Test
	void unrecognisedEventTypesShareOneOtherTag() {
		for (int i = 0; i < 500; i++) {
			this.metrics.observe("custom.event" + i, WebhookOutcome.HANDLED, NOW);
		}
		assertThat(this.registry.find(WebhookDeliveryMetrics.DELIVERIES).counters()).singleElement()
			.satisfies((counter) -> {
				assertThat(counter.getId().getTag("event")).isEqualTo("other");
				assertThat(counter.count()).isEqualTo(500);
			});
		assertThat(this.registry.find(WebhookDeliveryMetrics.LAG).timers()).singleElement()
			.satisfies((timer) -> assertThat(timer.getId().getTag("event")).isEqualTo("other"));
	}

	@Test
	void eventTypeCarryingMessageDataIsNotUsedAsTag() {
		this.metrics.observe("+15551234567", WebhookOutcome.HANDLED, NOW);
		this.metrics.observe("message.received hello there", WebhookOutcome.HANDLED, NOW);
		assertThat(this.registry.getMeters()).flatExtracting((meter) -> meter.getId().getTags())
			.allSatisfy((tag) -> assertThat(tag.getValue()).isIn("other", "handled"));
	}

	@Test
	void lagIsTimeFromSignatureToNowTaggedWithEvent() {
		this.metrics.observe("message.received", WebhookOutcome.HANDLED, NOW.minusSeconds(42));
		Timer lag = this.registry.get(WebhookDeliveryMetrics.LAG).tag("event", "message.received").timer();
		assertThat(lag.count()).isEqualTo(1);
		assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(42_000);
		assertThat(lag.getId().getTags()).hasSize(1);
	}

	@Test
	void lagIsRecordedForEveryDeliveryWithSignatureTime() {
		this.metrics.observe("message.read", WebhookOutcome.HANDLED, NOW.minusSeconds(1));
		this.metrics.observe("message.read", WebhookOutcome.DUPLICATE, NOW.minusSeconds(2));
		this.metrics.observe("message.read", WebhookOutcome.LISTENER_ERROR, NOW.minusSeconds(3));
		Timer lag = this.registry.get(WebhookDeliveryMetrics.LAG).tag("event", "message.read").timer();
		assertThat(lag.count()).isEqualTo(3);
		assertThat(lag.totalTime(TimeUnit.SECONDS)).isEqualTo(6);
	}

	@Test
	void deliveryWithoutSignatureTimeRecordsNoLag() {
		this.metrics.observe("message.received", WebhookOutcome.HANDLED, null);
		assertThat(this.registry.find(WebhookDeliveryMetrics.LAG).timers()).isEmpty();
	}

	@Test
	void signatureTimeAheadOfClockIsRecordedAsZeroLag() {
		this.metrics.observe("message.received", WebhookOutcome.HANDLED, NOW.plus(Duration.ofSeconds(3)));
		Timer lag = this.registry.get(WebhookDeliveryMetrics.LAG).timer();
		assertThat(lag.count()).isEqualTo(1);
		assertThat(lag.totalTime(TimeUnit.NANOSECONDS)).isZero();
	}

	@Test
	void metersHaveDescriptions() {
		this.metrics.observe("message.received", WebhookOutcome.HANDLED, NOW);
		assertThat(this.registry.getMeters()).extracting(Meter::getId)
			.hasSize(2)
			.allSatisfy((id) -> assertThat(id.getDescription()).isNotBlank());
	}

	private double deliveries(String event, String outcome) {
		Counter counter = this.registry.get(WebhookDeliveryMetrics.DELIVERIES)
			.tag("event", event)
			.tag("outcome", outcome)
			.counter();
		return counter.count();
	}

}
