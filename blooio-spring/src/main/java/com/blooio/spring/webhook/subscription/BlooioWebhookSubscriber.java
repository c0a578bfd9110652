package com.blooio.spring.webhook.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.util.Assert;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.v4.Subscription;
import com.blooio.spring.model.v4.SubscriptionCreated;
import com.blooio.spring.model.v4.SubscriptionUpdate;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

/**
 * Makes sure a v4 webhook subscription exists for the application's public URL, with the
 * configured event types, and that the application can verify what it delivers.
 * <ul>
 * <li>No subscription for the URL: one is created, its secret (shown once) is saved in
 * the {@link WebhookSecretStore} and trusted by the verifier at once.</li>
 * <li>A subscription with other event types: its types are updated.</li>
 * <li>In every case the secret the store holds is trusted.</li>
 * </ul>
 * Instances that start together take turns: each claims the URL in the de-duplication
 * store (shared when it is Redis or JDBC) while it looks and creates, so only the first
 * creates and the others find its subscription, and its secret in a shared secret store.
 * The creation also carries an {@code Idempotency-Key} derived from the URL and types.
 *
 * @since 0.1.0
 */
public class BlooioWebhookSubscriber {

	private static final Log logger = LogFactory.getLog(BlooioWebhookSubscriber.class);

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration WAIT_STEP = Duration.ofMillis(500);

	private final BlooioOperations blooio;

	private final WebhookSecretStore secrets;

	private final WebhookSignatureVerifier verifier;

	private final WebhookDeduplicationStore turns;

	/**
	 * Creates a subscriber.
	 * @param blooio the client that manages subscriptions
	 * @param secrets where the secret of a created subscription is kept
	 * @param verifier the verifier that learns the secret
	 * @param turns the store whose claims make instances take turns
	 */
	public BlooioWebhookSubscriber(BlooioOperations blooio, WebhookSecretStore secrets,
			WebhookSignatureVerifier verifier, WebhookDeduplicationStore turns) {
		Assert.notNull(blooio, "blooio must not be null");
		Assert.notNull(secrets, "secrets must not be null");
		Assert.notNull(verifier, "verifier must not be null");
		Assert.notNull(turns, "turns must not be null");
		this.blooio = blooio;
		this.secrets = secrets;
		this.verifier = verifier;
		this.turns = turns;
	}

	/**
	 * Makes sure the URL is subscribed to the event types.
	 * @param url the URL Blooio should deliver to
	 * @param eventTypes exact types, wildcards such as {@code message.*}, or {@code *}
	 * @return the subscription as it now is
	 */
	public Mono<Subscription> ensureSubscribed(String url, List<String> eventTypes) {
		Assert.hasText(url, "url must not be empty");
		Assert.notEmpty(eventTypes, "eventTypes must not be empty");
		String key = "subscribe|" + url;
		return Mono.fromCallable(() -> this.turns.claim(key, LEASE))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((claim) -> claim.isClaimed() ? Mono.just(claim) : Mono.error(new TurnTaken()))
			.retryWhen(Retry.fixedDelay(LEASE.dividedBy(WAIT_STEP), WAIT_STEP).filter(TurnTaken.class::isInstance))
			.flatMap((claim) -> subscribe(url, eventTypes).doFinally((signal) -> release(key, claim)))
			.doOnNext((subscription) -> trustStoredSecret(url, subscription));
	}

	private Mono<Subscription> subscribe(String url, List<String> eventTypes) {
		return this.blooio.v4()
			.webhooks()
			.list()
			.filter((subscription) -> url.equals(subscription.url()))
			.next()
			.flatMap((existing) -> sameTypes(existing.eventTypes(), eventTypes) ? Mono.just(existing)
					: update(existing, eventTypes))
			.switchIfEmpty(Mono.defer(() -> create(url, eventTypes)));
	}

	private Mono<Subscription> update(Subscription existing, List<String> eventTypes) {
		logger.info("Updating the event types of Blooio webhook subscription " + existing.id() + " for "
				+ existing.url() + ": " + existing.eventTypes() + " -> " + eventTypes);
		return this.blooio.v4().webhooks().update(existing.id(), SubscriptionUpdate.eventTypes(eventTypes));
	}

	private Mono<Subscription> create(String url, List<String> eventTypes) {
		return this.blooio.v4()
			.webhooks()
			.create(url, eventTypes, idempotencyKey(url, eventTypes))
			.map((created) -> saved(url, created));
	}

	private Subscription saved(String url, SubscriptionCreated created) {
		this.secrets.save(url, created.signingSecret());
		logger.info("Created Blooio webhook subscription " + created.subscription().id() + " for " + url
				+ "; its signing secret is kept in " + this.secrets);
		return created.subscription();
	}

	private void trustStoredSecret(String url, Subscription subscription) {
		String secret = this.secrets.load(url);
		if (secret != null) {
			this.verifier.trust(secret);
		}
		else {
			logger.warn("Blooio webhook subscription " + subscription.id() + " for " + url
					+ " exists, but this application has no signing secret for it, so its deliveries are refused."
					+ " Blooio showed the secret once, when the subscription was created. Set blooio.webhook.secret"
					+ " (rotate the secret in Blooio's dashboard to see a new one), or provide a WebhookSecretStore"
					+ " bean that holds it.");
		}
	}

	private void release(String key, Claim claim) {
		String owner = claim.owner();
		if (owner == null) {
			return;
		}
		try {
			this.turns.release(key, owner);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not release the subscription turn " + key + "; it expires after " + LEASE, ex);
		}
	}

	private static boolean sameTypes(List<String> current, List<String> wanted) {
		return new TreeSet<>(current).equals(new TreeSet<>(wanted));
	}

	/**
	 * The same for every instance that subscribes the same URL to the same types, so that
	 * Blooio answers concurrent creations with one subscription where it honours the key.
	 */
	static String idempotencyKey(String url, List<String> eventTypes) {
		Set<String> types = new TreeSet<>(eventTypes);
		String subject = url + "\n" + String.join(",", types);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
			return "blooio-subscribe-" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Another instance is subscribing the URL right now.
	 */
	private static final class TurnTaken extends RuntimeException {

		TurnTaken() {
			super("another instance is subscribing this URL", null, false, false);
		}

	}

}
