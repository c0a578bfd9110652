package com.blooio.spring.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;

import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Status;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.signature.SignatureFailure;
import com.blooio.spring.webhook.signature.WebhookSignatureException;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * The webhook delivery pipeline, independent of the web stack: verify the signature over
 * the raw bytes, parse, de-duplicate, publish. Everything that decides what is published
 * and how often (event type, ids, de-duplication key) comes from the verified body.
 * <p>
 * A delivery is claimed in the {@link WebhookDeduplicationStore} under a lease before its
 * listeners run, and {@link WebhookOutcome#HANDLED} means they ran. The listeners run on
 * the calling thread ({@link #handle(HttpHeaders, byte[])}) or on a given executor
 * ({@link #handle(HttpHeaders, byte[], java.util.concurrent.Executor)}, where a store
 * that claims without blocking is asked on the calling thread, without waiting).
 * Recording the completion and releasing a claim are not waited for
 * ({@link WebhookDeduplicationStore#completeAsync}): Blooio gets its answer as soon as
 * the listeners are done. A delivery whose key another attempt holds is answered
 * {@link WebhookOutcome#IN_PROGRESS} (retryable), one whose key was completed
 * {@link WebhookOutcome#DUPLICATE}. A listener that throws releases the claim and yields
 * {@link WebhookOutcome#LISTENER_ERROR}, so Blooio's redelivery is handled; if this
 * instance dies mid-listener, the lease expires and a redelivery is handled. Bad input
 * never reaches a listener. Every outcome is reported to a
 * {@link WebhookDeliveryObserver}, if one is given.
 *
 * @since 0.1.0
 */
public class BlooioWebhookHandler {

	/**
	 * Default lease on a claimed delivery: comfortably longer than the few seconds within
	 * which Blooio wants an answer.
	 */
	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(BlooioWebhookHandler.class);

	private final @Nullable WebhookSignatureVerifier verifier;

	private final WebhookDeduplicationStore deduplicationStore;

	private final ApplicationEventPublisher publisher;

	/**
	 * Created on the first delivery: loading the parser and the event classes it creates
	 * is a noticeable part of application start-up. Immutable, so a race creates at most
	 * an extra one.
	 */
	private @Nullable WebhookEventParser parser;

	private final WebhookDeliveryObserver observer;

	private final Duration lease;

	/**
	 * Creates a handler.
	 * @param verifier the signature verifier, or {@code null} to accept unsigned
	 * deliveries (never do this in production)
	 * @param deduplicationStore where handled deliveries are remembered
	 * @param publisher where events are published
	 */
	public BlooioWebhookHandler(@Nullable WebhookSignatureVerifier verifier,
			WebhookDeduplicationStore deduplicationStore, ApplicationEventPublisher publisher) {
		this(verifier, deduplicationStore, publisher, (eventType, outcome, signedAt) -> {
		});
	}

	/**
	 * Creates a handler that reports every outcome.
	 * @param verifier the signature verifier, or {@code null} to accept unsigned
	 * deliveries (never do this in production)
	 * @param deduplicationStore where handled deliveries are remembered
	 * @param publisher where events are published
	 * @param observer told the outcome of every delivery, including those the endpoints
	 * refuse before calling {@link #handle}
	 */
	public BlooioWebhookHandler(@Nullable WebhookSignatureVerifier verifier,
			WebhookDeduplicationStore deduplicationStore, ApplicationEventPublisher publisher,
			WebhookDeliveryObserver observer) {
		this(verifier, deduplicationStore, publisher, observer, DEFAULT_LEASE);
	}

	/**
	 * Creates a handler that reports every outcome, with a given lease.
	 * @param verifier the signature verifier, or {@code null} to accept unsigned
	 * deliveries (never do this in production)
	 * @param deduplicationStore where handled deliveries are remembered
	 * @param publisher where events are published
	 * @param observer told the outcome of every delivery, including those the endpoints
	 * refuse before calling {@link #handle}
	 * @param lease how long a claimed delivery is held for its listeners; longer than
	 * they take, or a redelivery may run them again while they still run
	 */
	public BlooioWebhookHandler(@Nullable WebhookSignatureVerifier verifier,
			WebhookDeduplicationStore deduplicationStore, ApplicationEventPublisher publisher,
			WebhookDeliveryObserver observer, Duration lease) {
		if (lease == null || lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("lease must be positive");
		}
		this.verifier = verifier;
		this.deduplicationStore = deduplicationStore;
		this.publisher = publisher;
		this.observer = observer;
		this.lease = lease;
	}

	/**
	 * Handles one delivery on the calling thread, listeners included.
	 * @param headers the request headers
	 * @param body the raw request body, exactly as received
	 * @return the outcome, which decides the HTTP answer
	 */
	public WebhookOutcome handle(HttpHeaders headers, byte[] body) {
		Reading reading = read(headers, body);
		if (reading instanceof Refused refused) {
			return refused.outcome();
		}
		return claimAndPublish((Verified) reading);
	}

	/**
	 * Publishes an event read from Blooio's v4 event feed, as catch-up after an outage
	 * does, through the same de-duplication as webhooks: an event that a webhook
	 * delivered already, or delivers later, reaches listeners once. The feed is read over
	 * Blooio's authenticated API, so there is no signature to check. Listeners run on the
	 * calling thread.
	 * @param eventJson one event exactly as the feed returned it
	 * @return the outcome: {@link WebhookOutcome#HANDLED},
	 * {@link WebhookOutcome#DUPLICATE}, {@link WebhookOutcome#IN_PROGRESS},
	 * {@link WebhookOutcome#MALFORMED}, or a failure
	 */
	public WebhookOutcome handleFetched(byte[] eventJson) {
		WebhookEventParser.ParsedEvent parsed;
		try {
			parsed = parser().parse(eventJson, HttpHeaders.EMPTY, null);
		}
		catch (MalformedWebhookException ex) {
			logger.warn("Skipped an event from Blooio's event feed: " + ex.getMessage());
			return report(null, WebhookOutcome.MALFORMED, null);
		}
		return claimAndPublish(new Verified(parsed.event(), DeduplicationKeys.of(parsed, eventJson), null));
	}

	private WebhookOutcome claimAndPublish(Verified delivery) {
		Claim claim;
		try {
			claim = this.deduplicationStore.claim(delivery.key(), this.lease);
		}
		catch (RuntimeException ex) {
			return report(delivery, claimFailed(delivery, ex));
		}
		return report(delivery, claim.isClaimed() ? publish(delivery, claim.owner()) : notClaimed(delivery, claim));
	}

	/**
	 * Handles one delivery with its listeners on {@code listeners}, never on the calling
	 * thread. When the de-duplication store
	 * {@link WebhookDeduplicationStore#claimsWithoutBlocking() claims without blocking},
	 * the signature is checked, the body parsed and the delivery claimed on the calling
	 * thread, which never waits (an event loop may call it), and only a claimed delivery
	 * is handed to {@code listeners}; otherwise the whole delivery runs there, as
	 * {@link #handle(HttpHeaders, byte[])} runs it. A delivery that {@code listeners}
	 * refuses is answered {@link WebhookOutcome#OVERLOADED}, and its claim released.
	 * @param headers the request headers
	 * @param body the raw request body, exactly as received
	 * @param listeners where the listeners run; it refuses a task by throwing
	 * {@link RejectedExecutionException}
	 * @return completes with the outcome, which decides the HTTP answer
	 */
	public CompletionStage<WebhookOutcome> handle(HttpHeaders headers, byte[] body, Executor listeners) {
		if (!this.deduplicationStore.claimsWithoutBlocking()) {
			CompletableFuture<WebhookOutcome> outcome = new CompletableFuture<>();
			try {
				listeners.execute(() -> completeWith(outcome, () -> handle(headers, body)));
			}
			catch (RejectedExecutionException ex) {
				return CompletableFuture.completedStage(refuse(WebhookOutcome.OVERLOADED));
			}
			return outcome;
		}
		Reading reading = read(headers, body);
		if (reading instanceof Refused refused) {
			return CompletableFuture.completedStage(refused.outcome());
		}
		Verified delivery = (Verified) reading;
		CompletionStage<Claim> claim;
		try {
			claim = this.deduplicationStore.claimAsync(delivery.key(), this.lease);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedStage(report(delivery, claimFailed(delivery, ex)));
		}
		CompletableFuture<WebhookOutcome> outcome = new CompletableFuture<>();
		claim.whenComplete((answer, failure) -> {
			if (failure != null) {
				outcome.complete(report(delivery, claimFailed(delivery, unwrap(failure))));
			}
			else if (!answer.isClaimed()) {
				outcome.complete(report(delivery, notClaimed(delivery, answer)));
			}
			else {
				publishOn(listeners, delivery, answer.owner(), outcome);
			}
		});
		return outcome;
	}

	private void publishOn(Executor listeners, Verified delivery, String owner,
			CompletableFuture<WebhookOutcome> outcome) {
		try {
			listeners.execute(() -> completeWith(outcome, () -> report(delivery, publish(delivery, owner))));
		}
		catch (RejectedExecutionException ex) {
			release(delivery, owner);
			outcome.complete(report(delivery, WebhookOutcome.OVERLOADED));
		}
	}

	private static void completeWith(CompletableFuture<WebhookOutcome> outcome, Supplier<WebhookOutcome> handling) {
		try {
			outcome.complete(handling.get());
		}
		catch (Throwable ex) {
			// an Error from a listener: the endpoint answers it as it would on its own
			// thread
			outcome.completeExceptionally(ex);
			throw ex;
		}
	}

	/**
	 * Checks the signature and parses the body; every delivery refused here is reported.
	 */
	private Reading read(HttpHeaders headers, byte[] body) {
		Instant signedAt;
		try {
			signedAt = verify(headers, body);
		}
		catch (WebhookSignatureException ex) {
			logger.warn("Rejected Blooio webhook (" + ex.getFailure() + "): " + ex.getMessage());
			WebhookOutcome outcome = (ex.getFailure() == SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE)
					? WebhookOutcome.STALE : WebhookOutcome.BAD_SIGNATURE;
			return new Refused(report(null, outcome, null));
		}
		WebhookEventParser.ParsedEvent parsed;
		try {
			parsed = parser().parse(body, headers, signedAt);
		}
		catch (MalformedWebhookException ex) {
			logger.warn("Rejected Blooio webhook: " + ex.getMessage());
			return new Refused(report(null, WebhookOutcome.MALFORMED, signedAt));
		}
		return new Verified(parsed.event(), DeduplicationKeys.of(parsed, body), signedAt);
	}

	private WebhookEventParser parser() {
		WebhookEventParser parser = this.parser;
		if (parser == null) {
			parser = new WebhookEventParser(this);
			this.parser = parser;
		}
		return parser;
	}

	/**
	 * Reports a request that an endpoint answered without running the pipeline (wrong
	 * method or media type, body too large, no worker free), so that the
	 * {@link WebhookDeliveryObserver} sees every request.
	 * @param outcome why it was refused
	 * @return the outcome
	 */
	public WebhookOutcome refuse(WebhookOutcome outcome) {
		return report(null, outcome, null);
	}

	private WebhookOutcome report(@Nullable String eventType, WebhookOutcome outcome, @Nullable Instant signedAt) {
		try {
			this.observer.observe(eventType, outcome, signedAt);
		}
		catch (RuntimeException ex) {
			// the delivery is decided (perhaps already published): metrics must not
			// turn it into a 500 and a redelivery
			logger.warn("Webhook delivery observer failed on outcome " + outcome.tag(), ex);
		}
		return outcome;
	}

	private @Nullable Instant verify(HttpHeaders headers, byte[] body) {
		if (this.verifier == null) {
			return null;
		}
		String signature = headers.getFirst(WebhookSigner.SIGNATURE_HEADER);
		if (signature == null || signature.isBlank()) {
			signature = headers.getFirst(WebhookSigner.ALTERNATIVE_SIGNATURE_HEADER);
		}
		return this.verifier.verify(signature, body);
	}

	private WebhookOutcome report(Verified delivery, WebhookOutcome outcome) {
		return report(delivery.event().getEventType(), outcome, delivery.signedAt());
	}

	private static WebhookOutcome claimFailed(Verified delivery, Throwable failure) {
		logger.error("Could not claim Blooio webhook " + delivery.event()
				+ " in the de-duplication store; answering 503 so Blooio delivers again", failure);
		return WebhookOutcome.STORE_UNAVAILABLE;
	}

	private static WebhookOutcome notClaimed(Verified delivery, Claim claim) {
		if (logger.isDebugEnabled()) {
			logger.debug("Did not publish Blooio webhook " + delivery.event() + " again (" + claim.status() + ")");
		}
		return (claim.status() == Status.COMPLETED) ? WebhookOutcome.DUPLICATE : WebhookOutcome.IN_PROGRESS;
	}

	private WebhookOutcome publish(Verified delivery, String owner) {
		try {
			this.publisher.publishEvent(delivery.event());
		}
		catch (RuntimeException ex) {
			logger.error("A listener failed on Blooio webhook " + delivery.event()
					+ "; answering 500 so Blooio delivers again", ex);
			release(delivery, owner);
			return WebhookOutcome.LISTENER_ERROR;
		}
		complete(delivery, owner);
		return WebhookOutcome.HANDLED;
	}

	private void complete(Verified delivery, String owner) {
		// not waited for: the listeners are done, so Blooio gets its answer now; until
		// the
		// store has recorded it, a redelivery finds the lease and is answered in_progress
		CompletionStage<Boolean> completion;
		try {
			completion = this.deduplicationStore.completeAsync(delivery.key(), owner);
		}
		catch (RuntimeException ex) {
			completionFailed(delivery, ex);
			return;
		}
		completion.whenComplete((completed, failure) -> {
			if (failure != null) {
				completionFailed(delivery, unwrap(failure));
			}
			else if (!completed) {
				logger.warn("Listeners of Blooio webhook " + delivery.event() + " outlasted their lease of "
						+ this.lease + " and another attempt claimed it meanwhile, so they may run twice;"
						+ " keep listeners short or raise blooio.webhook.deduplication.lease");
			}
		});
	}

	private static void completionFailed(Verified delivery, Throwable failure) {
		// published all the same: a 5xx would only make Blooio deliver it again
		logger.error("Could not record Blooio webhook " + delivery.event() + " as handled in the de-duplication store;"
				+ " a redelivery after its lease may be published again", failure);
	}

	private void release(Verified delivery, String owner) {
		// not waited for either: a redelivery that comes before it is answered
		// in_progress
		CompletionStage<Boolean> release;
		try {
			release = this.deduplicationStore.releaseAsync(delivery.key(), owner);
		}
		catch (RuntimeException ex) {
			releaseFailed(delivery, ex);
			return;
		}
		release.whenComplete((released, failure) -> {
			if (failure != null) {
				releaseFailed(delivery, unwrap(failure));
			}
		});
	}

	private static void releaseFailed(Verified delivery, Throwable failure) {
		logger.error("Could not release the claim of Blooio webhook " + delivery.event()
				+ "; a redelivery is handled once its lease has expired", failure);
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	/**
	 * A delivery after its signature check and parsing: refused, or verified.
	 */
	private sealed interface Reading permits Refused, Verified {

	}

	/**
	 * A delivery refused, and reported, before it could be claimed.
	 */
	private record Refused(WebhookOutcome outcome) implements Reading {

	}

	/**
	 * A delivery whose signature and body are good.
	 */
	private record Verified(BlooioEvent event, String key, @Nullable Instant signedAt) implements Reading {

	}

}
