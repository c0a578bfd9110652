package com.blooio.spring.webhook.catchup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.v4.EventQuery;
import com.blooio.spring.model.v4.FeedEvent;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookOutcome;

/**
 * Catches up after an outage: reads the events Blooio's v4 event feed holds since the
 * last checkpoint and publishes them, oldest first, through the webhook pipeline and its
 * de-duplication store, so that each event reaches listeners once whether it came by
 * webhook, by catch-up, or both.
 * <p>
 * It reads back to the checkpoint less an overlap (events can be recorded a little out of
 * order), and never further back than {@code maxAge}: keep that within the de-duplication
 * store's retention, or an event handled before the retention ended would be published
 * again. The feed is read newest first, as Blooio lists it, until an event older than
 * that.
 * <p>
 * De-duplication works on the v4 event id ({@code evt_...}), which v4 webhooks carry too.
 * v2 webhook payloads carry no event id, so an event that came by a v2 webhook and again
 * by catch-up is published twice: subscribe through v4 to use catch-up.
 *
 * @since 0.1.0
 */
public class BlooioEventCatchUp {

	private static final Log logger = LogFactory.getLog(BlooioEventCatchUp.class);

	private static final int PAGE_SIZE = 200;

	private final BlooioOperations blooio;

	private final BlooioWebhookHandler handler;

	private final CatchUpCheckpointStore checkpoints;

	private final Duration maxAge;

	private final Duration overlap;

	private final Clock clock;

	/**
	 * Creates a catch-up.
	 * @param blooio the client that reads the event feed
	 * @param handler the webhook pipeline events are published through
	 * @param checkpoints where the checkpoint is kept
	 * @param maxAge how far back to read at most (and when there is no checkpoint)
	 * @param overlap how far before the checkpoint to read again
	 */
	public BlooioEventCatchUp(BlooioOperations blooio, BlooioWebhookHandler handler, CatchUpCheckpointStore checkpoints,
			Duration maxAge, Duration overlap) {
		this(blooio, handler, checkpoints, maxAge, overlap, Clock.systemUTC());
	}

	BlooioEventCatchUp(BlooioOperations blooio, BlooioWebhookHandler handler, CatchUpCheckpointStore checkpoints,
			Duration maxAge, Duration overlap, Clock clock) {
		Assert.notNull(blooio, "blooio must not be null");
		Assert.notNull(handler, "handler must not be null");
		Assert.notNull(checkpoints, "checkpoints must not be null");
		Assert.isTrue(maxAge != null && !maxAge.isNegative() && !maxAge.isZero(), "maxAge must be positive");
		Assert.isTrue(overlap != null && !overlap.isNegative(), "overlap must not be negative");
		this.blooio = blooio;
		this.handler = handler;
		this.checkpoints = checkpoints;
		this.maxAge = maxAge;
		this.overlap = overlap;
		this.clock = clock;
	}

	/**
	 * Reads the events missed since the checkpoint and publishes them. Listeners run on a
	 * {@link Schedulers#boundedElastic() bounded elastic} thread, one event after
	 * another.
	 * @return what was done
	 */
	public Mono<CatchUpResult> catchUp() {
		return Mono.defer(() -> {
			Instant started = this.clock.instant();
			Instant since = since(started);
			return this.blooio.v4()
				.events()
				.list(EventQuery.all().pageSize(PAGE_SIZE))
				.takeWhile((event) -> event.occurredAt() == null || !event.occurredAt().isBefore(since))
				.collectList()
				.publishOn(Schedulers.boundedElastic())
				.map((newestFirst) -> publish(since, started, newestFirst));
		});
	}

	private Instant since(Instant now) {
		Instant oldest = now.minus(this.maxAge);
		Instant checkpoint = this.checkpoints.load();
		if (checkpoint == null) {
			return oldest;
		}
		Instant fromCheckpoint = checkpoint.minus(this.overlap);
		return fromCheckpoint.isAfter(oldest) ? fromCheckpoint : oldest;
	}

	private CatchUpResult publish(Instant since, Instant started, List<FeedEvent> newestFirst) {
		List<FeedEvent> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		int published = 0;
		int duplicates = 0;
		int inProgress = 0;
		int failed = 0;
		Instant oldestFailed = null;
		for (FeedEvent event : oldestFirst) {
			WebhookOutcome outcome = this.handler.handleFetched(event.json().getBytes(StandardCharsets.UTF_8));
			switch (outcome) {
				case HANDLED -> published++;
				case DUPLICATE -> duplicates++;
				case IN_PROGRESS -> inProgress++;
				case MALFORMED -> {
					// an event the parser cannot read will not read better next time
				}
				default -> {
					failed++;
					oldestFailed = earliest(oldestFailed, event.occurredAt());
				}
			}
		}
		Instant checkpoint = checkpoint(started, oldestFailed, failed);
		CatchUpResult result = new CatchUpResult(since, oldestFirst.size(), published, duplicates, inProgress, failed,
				checkpoint);
		log(result);
		return result;
	}

	/**
	 * The feed has been read up to when this catch-up started, unless an event failed:
	 * then up to just before the oldest failure (an event without a time keeps the
	 * checkpoint where it was).
	 */
	private @Nullable Instant checkpoint(Instant started, @Nullable Instant oldestFailed, int failed) {
		Instant checkpoint = (failed == 0) ? started : oldestFailed;
		if (checkpoint == null) {
			return null;
		}
		try {
			this.checkpoints.save(checkpoint);
			return checkpoint;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not save the Blooio catch-up checkpoint; the next catch-up reads from the previous one",
					ex);
			return null;
		}
	}

	private static @Nullable Instant earliest(@Nullable Instant known, @Nullable Instant candidate) {
		if (candidate == null) {
			return known;
		}
		return (known == null || candidate.isBefore(known)) ? candidate.minusMillis(1) : known;
	}

	private static void log(CatchUpResult result) {
		String message = "Blooio catch-up since " + result.since() + ": " + result.read() + " events read, "
				+ result.published() + " published, " + result.duplicates() + " already published, "
				+ result.inProgress() + " in progress, " + result.failed() + " failed";
		if (result.failed() > 0) {
			logger.warn(message + "; the next catch-up tries the failed ones again");
		}
		else {
			logger.info(message);
		}
	}

}
