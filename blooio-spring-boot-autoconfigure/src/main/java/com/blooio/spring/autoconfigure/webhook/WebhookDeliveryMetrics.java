package com.blooio.spring.autoconfigure.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.WebhookDeliveryObserver;
import com.blooio.spring.webhook.WebhookOutcome;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessagePendingEvent;
import com.blooio.spring.webhook.event.BlooioMessageQueuedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReactionEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactMergedEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactSharedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupIconChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupNameChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollCreatedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollReceivedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollVotedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStartedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStoppedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyNumberBannedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyStateChangedEvent;

/**
 * Records webhook deliveries in Micrometer: a counter of deliveries by event and outcome,
 * and a timer of how long after signing each verified delivery was answered. Tags carry
 * only the event name, bounded to Blooio's known names, and the outcome.
 */
final class WebhookDeliveryMetrics implements WebhookDeliveryObserver {

	static final String DELIVERIES = "blooio.webhook.deliveries";

	static final String LAG = "blooio.webhook.delivery.lag";

	/** Tag value when the event could not be read: refused, rejected or malformed. */
	static final String UNKNOWN_EVENT = "unknown";

	/** Tag value for event names Blooio is not known to send. */
	static final String OTHER_EVENT = "other";

	/**
	 * The event names Blooio documents or is known to send (v2, v4 and polls). Any other
	 * name is tagged {@value #OTHER_EVENT}, so odd names cannot multiply the time series.
	 */
	private static final Set<String> KNOWN_EVENTS = Set.of(BlooioMessageReceivedEvent.TYPE, BlooioMessageSentEvent.TYPE,
			BlooioMessageDeliveredEvent.TYPE, BlooioMessageFailedEvent.TYPE, BlooioMessageReadEvent.TYPE,
			BlooioMessageReactionEvent.TYPE, BlooioMessageQueuedEvent.TYPE, BlooioMessagePendingEvent.TYPE,
			BlooioPollCreatedEvent.TYPE, BlooioPollReceivedEvent.TYPE, BlooioPollVotedEvent.TYPE,
			BlooioGroupNameChangedEvent.TYPE, BlooioGroupIconChangedEvent.TYPE, BlooioContactSharedEvent.TYPE,
			BlooioContactMergedEvent.TYPE, BlooioTypingStartedEvent.TYPE, BlooioTypingStoppedEvent.TYPE,
			BlooioSafetyStateChangedEvent.TYPE, BlooioSafetyNumberBannedEvent.TYPE);

	private final Meter.MeterProvider<Counter> deliveries;

	private final Meter.MeterProvider<Timer> lag;

	private final Clock clock;

	/**
	 * Creates the metrics.
	 * @param registry where the meters are registered
	 * @param clock the clock giving now; the one the signature verifier uses
	 */
	WebhookDeliveryMetrics(MeterRegistry registry, Clock clock) {
		this.deliveries = Counter.builder(DELIVERIES)
			.description("Blooio webhook requests, by event type and by how they were answered")
			.withRegistry(registry);
		this.lag = Timer.builder(LAG)
			.description("Time from the signature timestamp of a verified Blooio webhook delivery to its answer")
			.withRegistry(registry);
		this.clock = clock;
	}

	@Override
	public void observe(@Nullable String eventType, WebhookOutcome outcome, @Nullable Instant signedAt) {
		String event = eventTag(eventType);
		this.deliveries.withTags("event", event, "outcome", outcome.tag()).increment();
		if (signedAt != null) {
			// a timestamp ahead of this clock (skew within the tolerance) counts as no
			// lag
			Duration lag = Duration.between(signedAt, this.clock.instant());
			this.lag.withTags("event", event).record(lag.isNegative() ? Duration.ZERO : lag);
		}
	}

	static String eventTag(@Nullable String eventType) {
		if (eventType == null) {
			return UNKNOWN_EVENT;
		}
		return KNOWN_EVENTS.contains(eventType) ? eventType : OTHER_EVENT;
	}

}
