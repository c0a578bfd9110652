package com.blooio.spring.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import org.springframework.util.Assert;

import com.blooio.spring.client.MessageOperations;
import com.blooio.spring.client.exception.BlooioException;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.MessageStatus;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;

/**
 * Waits until a sent message reaches a final status: {@code delivered}, {@code read},
 * {@code failed} or {@code cancelled}. {@code send} completes when Blooio has queued a
 * message; this completes when it has arrived (or not): <pre class="code">
 * blooio.send(chatId, "Your code is 123456")
 *     .flatMapMany((sent) -&gt; tracker.track(chatId, sent))
 *     .subscribe((outcome) -&gt; ...);
 * </pre>
 * <p>
 * <b>Where statuses come from.</b> Every {@code track} checks the status once at once,
 * then polls Blooio's status endpoint on the {@linkplain DeliveryTrackingSettings
 * schedule} it was given. Status webhooks handed to {@link #onMessageEvent} complete
 * waiting calls at once and are remembered for a while, so a webhook that arrives before
 * {@code track} is called is not lost. With webhooks, give this tracker a long poll
 * interval: polling is then only the safety net for a lost webhook, or for a webhook that
 * reached another instance of the application. The first final status wins: a
 * {@code read} after {@code delivered} does not change the outcome (polling sees
 * {@code read} only where Blooio's status endpoint reports it).
 * <p>
 * A failed message is an outcome ({@link DeliveryOutcome#status()} is {@code failed},
 * with Blooio's error), not an error. Errors are a {@link DeliveryTimeoutException} when
 * no final status came in time, and the status endpoint's non-transient
 * {@link BlooioException}s (transient ones are retried by the next poll).
 * <p>
 * No thread waits: a {@code track} holds a timer, a poll in flight and one entry in a
 * map, and frees all three when it completes, fails, times out or is cancelled. The
 * outcome is signalled on the thread that learned it (a webhook listener's or the HTTP
 * client's): {@code publishOn} a scheduler before blocking work.
 *
 * @since 0.1.0
 */
public class BlooioDeliveryTracker {

	private static final Log logger = LogFactory.getLog(BlooioDeliveryTracker.class);

	private static final Set<DeliveryStatus> FINAL = Set.of(DeliveryStatus.DELIVERED, DeliveryStatus.READ,
			DeliveryStatus.FAILED, DeliveryStatus.CANCELLED);

	private final MessageOperations messages;

	private final DeliveryTrackingSettings settings;

	private final ConcurrentMap<String, Set<Tracking>> waiting = new ConcurrentHashMap<>();

	private final RecentOutcomes recent;

	/**
	 * Creates a tracker.
	 * @param messages the message operations whose status endpoint is polled
	 * @param settings timeout, poll schedule and memory of recent statuses
	 */
	public BlooioDeliveryTracker(MessageOperations messages, DeliveryTrackingSettings settings) {
		Assert.notNull(messages, "messages must not be null");
		Assert.notNull(settings, "settings must not be null");
		this.messages = messages;
		this.settings = settings;
		this.recent = new RecentOutcomes(settings.rememberedStatuses(), settings.rememberFor(), System::nanoTime);
	}

	/**
	 * Tracks a message until it reaches a final status, or the default timeout passes.
	 * @param chatId the chat the message was sent to, as passed to {@code send}
	 * @param messageId the message id from the send's response
	 * @return the outcome; a {@link DeliveryTimeoutException} if none came in time
	 */
	public Mono<DeliveryOutcome> track(String chatId, String messageId) {
		return track(chatId, messageId, this.settings.timeout());
	}

	/**
	 * Tracks a message until it reaches a final status, or the timeout passes.
	 * @param chatId the chat the message was sent to, as passed to {@code send}
	 * @param messageId the message id from the send's response
	 * @param timeout how long to wait
	 * @return the outcome; a {@link DeliveryTimeoutException} if none came in time
	 */
	public Mono<DeliveryOutcome> track(String chatId, String messageId, Duration timeout) {
		Assert.hasText(chatId, "chatId must not be empty");
		Assert.hasText(messageId, "messageId must not be empty");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		return Mono.create((sink) -> start(new Tracking(chatId, messageId, timeout, sink)));
	}

	/**
	 * Tracks every message a send produced (several for a fan-out), each with the default
	 * timeout. Outcomes arrive in the order the messages reach them. A send Blooio
	 * rejected before dispatch (status {@code failed}) gives {@code failed} outcomes at
	 * once; a multi-recipient send is tracked in the group it went to.
	 * @param chatId the chat passed to {@code send}
	 * @param sent the send's response
	 * @return one outcome per message; an error ends the flux
	 */
	public Flux<DeliveryOutcome> track(String chatId, SendMessageResponse sent) {
		Assert.notNull(sent, "sent must not be null");
		String statusChat = (sent.groupId() != null) ? sent.groupId() : chatId;
		if (DeliveryStatus.FAILED.equals(sent.status())) {
			// rejected before dispatch: no status will change, and no webhook may follow
			return Flux.fromIterable(sent.allMessageIds())
				.map((messageId) -> new DeliveryOutcome(messageId, statusChat, DeliveryStatus.FAILED, null, null,
						null));
		}
		return Flux.fromIterable(sent.allMessageIds()).flatMap((messageId) -> track(statusChat, messageId));
	}

	/**
	 * Takes a status webhook into account: a final status completes the calls waiting for
	 * that message and is remembered for calls that come later; any other status is noted
	 * as the last seen. Called for every message event when the webhook endpoint is on;
	 * events of other kinds (inbound messages, reactions) are ignored.
	 * @param event a message event
	 */
	public void onMessageEvent(BlooioMessageEvent event) {
		String messageId = event.getMessageId();
		DeliveryStatus status = statusOf(event);
		if (messageId == null || status == null) {
			return;
		}
		if (!FINAL.contains(status)) {
			forEachWaiting(messageId, (tracking) -> tracking.seen(status));
			return;
		}
		DeliveryOutcome outcome = outcomeOf(event, messageId, status);
		this.recent.remember(outcome);
		forEachWaiting(messageId, (tracking) -> tracking.complete(outcome));
	}

	/**
	 * Returns how many {@code track} calls are waiting for a final status.
	 * @return the number of waiting calls
	 */
	public int waitingCount() {
		return this.waiting.values().stream().mapToInt(Set::size).sum();
	}

	private void start(Tracking tracking) {
		Disposable.Composite resources = Disposables.composite();
		tracking.sink.onDispose(() -> {
			stopWaiting(tracking);
			resources.dispose();
		});
		// added inside compute: stopWaiting of another call may drop an emptied set
		this.waiting.compute(tracking.messageId, (id, trackings) -> {
			Set<Tracking> set = (trackings != null) ? trackings : ConcurrentHashMap.newKeySet();
			set.add(tracking);
			return set;
		});
		DeliveryOutcome known = this.recent.get(tracking.messageId);
		if (known != null) {
			tracking.complete(known);
			return;
		}
		resources.add(Mono.delay(tracking.timeout).subscribe((tick) -> tracking.timedOut()));
		resources.add(poll(tracking).subscribe(tracking::complete, tracking.sink::error));
	}

	private Mono<DeliveryOutcome> poll(Tracking tracking) {
		Mono<DeliveryOutcome> untilFinal = Mono.defer(() -> this.messages.status(tracking.chatId, tracking.messageId))
			.flatMap((status) -> Mono.justOrEmpty(tracking.polled(status)))
			.onErrorResume(BlooioDeliveryTracker::isTransient, (ex) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Status of message " + tracking.messageId + " not available, polling again: " + ex);
				}
				return Mono.empty();
			})
			.repeatWhenEmpty((checks) -> checks.concatMap((made) -> Mono.delay(this.settings.pollDelay(made + 1))));
		Duration first = this.settings.pollDelay(0);
		return first.isZero() ? untilFinal : Mono.delay(first).then(untilFinal);
	}

	private void stopWaiting(Tracking tracking) {
		this.waiting.computeIfPresent(tracking.messageId, (id, trackings) -> {
			trackings.remove(tracking);
			return trackings.isEmpty() ? null : trackings;
		});
	}

	private void forEachWaiting(String messageId, Consumer<Tracking> action) {
		Set<Tracking> trackings = this.waiting.get(messageId);
		if (trackings != null) {
			trackings.forEach(action);
		}
	}

	private static boolean isTransient(Throwable ex) {
		return ex instanceof BlooioException blooio && blooio.isTransient();
	}

	private static @Nullable DeliveryStatus statusOf(BlooioMessageEvent event) {
		if (event instanceof BlooioMessageDeliveredEvent) {
			return DeliveryStatus.DELIVERED;
		}
		if (event instanceof BlooioMessageReadEvent) {
			return DeliveryStatus.READ;
		}
		if (event instanceof BlooioMessageFailedEvent) {
			return DeliveryStatus.FAILED;
		}
		return DeliveryStatus.RECEIVED.equals(event.getStatus()) ? null : event.getStatus();
	}

	private static DeliveryOutcome outcomeOf(BlooioMessageEvent event, String messageId, DeliveryStatus status) {
		String chatId = (event.getChatId() != null) ? event.getChatId() : "";
		Instant at = event.getEventTime();
		if (event instanceof BlooioMessageDeliveredEvent delivered && delivered.getDeliveredAt() != null) {
			at = delivered.getDeliveredAt();
		}
		if (event instanceof BlooioMessageReadEvent read && read.getReadAt() != null) {
			at = read.getReadAt();
		}
		if (event instanceof BlooioMessageFailedEvent failed) {
			return new DeliveryOutcome(messageId, chatId, status, at, failed.getErrorCode(), failed.getErrorMessage());
		}
		return new DeliveryOutcome(messageId, chatId, status, at, null, null);
	}

	/**
	 * One subscriber's wait for one message.
	 */
	private static final class Tracking {

		private final String chatId;

		private final String messageId;

		private final Duration timeout;

		private final MonoSink<DeliveryOutcome> sink;

		private volatile @Nullable DeliveryStatus lastSeen;

		Tracking(String chatId, String messageId, Duration timeout, MonoSink<DeliveryOutcome> sink) {
			this.chatId = chatId;
			this.messageId = messageId;
			this.timeout = timeout;
			this.sink = sink;
		}

		void seen(DeliveryStatus status) {
			this.lastSeen = status;
		}

		@Nullable DeliveryOutcome polled(MessageStatus status) {
			DeliveryStatus current = status.status();
			if (current == null) {
				return null;
			}
			seen(current);
			if (!FINAL.contains(current)) {
				return null;
			}
			Instant at = DeliveryStatus.DELIVERED.equals(current) ? status.timeDelivered() : null;
			return new DeliveryOutcome(this.messageId, this.chatId, current, at, null, status.error());
		}

		void complete(DeliveryOutcome outcome) {
			this.sink.success(outcome.inChat(this.chatId));
		}

		void timedOut() {
			this.sink.error(new DeliveryTimeoutException(this.messageId, this.lastSeen, this.timeout));
		}

	}

}
