package com.blooio.spring.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

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
 * listeners run, on the calling thread, so {@link WebhookOutcome#HANDLED} means handled.
 * Recording the completion is not waited for
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
	 * Handles one delivery.
	 * @param headers the request headers
	 * @param body the raw request body, exactly as received
	 * @return the outcome, which decides the HTTP answer
	 */
	public WebhookOutcome handle(HttpHeaders headers, byte[] body) {
		Instant signedAt;
		try {
			signedAt = verify(headers, body);
		}
		catch (WebhookSignatureException ex) {
			logger.warn("Rejected Blooio webhook (" + ex.getFailure() + "): " + ex.getMessage());
			WebhookOutcome outcome = (ex.getFailure() == SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE)
					? WebhookOutcome.STALE : WebhookOutcome.BAD_SIGNATURE;
			return report(null, outcome, null);
		}
		WebhookEventParser.ParsedEvent parsed;
		try {
			parsed = parser().parse(body, headers, signedAt);
		}
		catch (MalformedWebhookException ex) {
			logger.warn("Rejected Blooio webhook: " + ex.getMessage());
			return report(null, WebhookOutcome.MALFORMED, signedAt);
		}
		WebhookOutcome outcome = publishOnce(parsed, DeduplicationKeys.of(parsed, body));
		return report(parsed.event().getEventType(), outcome, signedAt);
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

	private WebhookOutcome publishOnce(WebhookEventParser.ParsedEvent parsed, String key) {
		BlooioEvent event = parsed.event();
		Claim claim;
		try {
			claim = this.deduplicationStore.claim(key, this.lease);
		}
		catch (RuntimeException ex) {
			logger.error("Could not claim Blooio webhook " + event
					+ " in the de-duplication store; answering 503 so Blooio delivers again", ex);
			return WebhookOutcome.STORE_UNAVAILABLE;
		}
		if (!claim.isClaimed()) {
			if (logger.isDebugEnabled()) {
				logger.debug("Did not publish Blooio webhook " + event + " again (" + claim.status() + ")");
			}
			return (claim.status() == Status.COMPLETED) ? WebhookOutcome.DUPLICATE : WebhookOutcome.IN_PROGRESS;
		}
		String owner = claim.owner();
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.error("A listener failed on Blooio webhook " + event + "; answering 500 so Blooio delivers again",
					ex);
			release(key, owner, event);
			return WebhookOutcome.LISTENER_ERROR;
		}
		complete(key, owner, event);
		return WebhookOutcome.HANDLED;
	}

	private void complete(String key, String owner, BlooioEvent event) {
		// not waited for: the listeners are done, so Blooio gets its answer now; until
		// the
		// store has recorded it, a redelivery finds the lease and is answered in_progress
		CompletionStage<Boolean> completion;
		try {
			completion = this.deduplicationStore.completeAsync(key, owner);
		}
		catch (RuntimeException ex) {
			completionFailed(event, ex);
			return;
		}
		completion.whenComplete((completed, failure) -> {
			if (failure != null) {
				completionFailed(event, (failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure);
			}
			else if (!completed) {
				logger.warn("Listeners of Blooio webhook " + event + " outlasted their lease of " + this.lease
						+ " and another attempt claimed it meanwhile, so they may run twice; keep listeners short"
						+ " or raise blooio.webhook.deduplication.lease");
			}
		});
	}

	private static void completionFailed(BlooioEvent event, Throwable failure) {
		// published all the same: a 5xx would only make Blooio deliver it again
		logger.error("Could not record Blooio webhook " + event + " as handled in the de-duplication store;"
				+ " a redelivery after its lease may be published again", failure);
	}

	private void release(String key, String owner, BlooioEvent event) {
		try {
			this.deduplicationStore.release(key, owner);
		}
		catch (RuntimeException ex) {
			logger.error("Could not release the claim of Blooio webhook " + event
					+ "; a redelivery is handled once its lease has expired", ex);
		}
	}

}
