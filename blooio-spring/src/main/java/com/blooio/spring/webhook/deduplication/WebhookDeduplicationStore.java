package com.blooio.spring.webhook.deduplication;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * Remembers which webhook deliveries were handled, so that Blooio's redeliveries are
 * published once, also across instances and restarts when the store is shared.
 * <p>
 * A delivery is claimed under a <em>lease</em> before its listeners run. The claim
 * returns an owner token; only that owner can {@link #complete complete} the claim (the
 * key is then remembered for the store's retention window) or {@link #release release} it
 * after a failure (so that a redelivery is handled). A lease that its owner abandons,
 * because the instance crashed or hung, expires, and a redelivery can claim the key
 * again. While a lease is held, other claims see {@link Status#IN_PROGRESS}: such a
 * delivery is not handled yet and must not be acknowledged as done.
 * <p>
 * Implementations must be thread-safe and atomic across every instance that shares them:
 * of concurrent claims of one key, at most one succeeds.
 *
 * @since 0.1.0
 */
public interface WebhookDeduplicationStore {

	/**
	 * Claims a key for handling.
	 * @param key the delivery's de-duplication key
	 * @param lease how long the claim holds if its owner neither completes nor releases
	 * it
	 * @return the claim, with an owner token when it was {@link Status#CLAIMED}
	 */
	Claim claim(String key, Duration lease);

	/**
	 * Claims a key, as {@link #claim} does, without making the caller wait for the
	 * store's answer when the store {@link #claimsWithoutBlocking() claims without
	 * blocking}. The default calls {@link #claim}.
	 * @param key the delivery's de-duplication key
	 * @param lease how long the claim holds if its owner neither completes nor releases
	 * it
	 * @return completes with the claim; completes exceptionally when the store failed
	 */
	default CompletionStage<Claim> claimAsync(String key, Duration lease) {
		try {
			return CompletableFuture.completedStage(claim(key, lease));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedStage(ex);
		}
	}

	/**
	 * Whether {@link #claimAsync}, {@link #completeAsync} and {@link #releaseAsync}
	 * return without blocking the calling thread (no I/O waited for, no lock held for
	 * long). The WebFlux endpoint then claims a delivery on its event loop and hands it
	 * to a listener thread only once claimed; otherwise the whole delivery runs on a
	 * listener thread.
	 * @return {@code false} unless the store says so
	 */
	default boolean claimsWithoutBlocking() {
		return false;
	}

	/**
	 * Records that a claimed delivery was handled: until the retention window ends, later
	 * claims see {@link Status#COMPLETED}.
	 * @param key the claimed key
	 * @param owner the owner token of the claim
	 * @return {@code true}, or {@code false} when the claim was no longer this owner's
	 * (its lease had expired); the key is then left as it is
	 */
	boolean complete(String key, String owner);

	/**
	 * Records that a claimed delivery was handled, as {@link #complete} does, without
	 * making the caller wait for the store's answer: the webhook handler answers Blooio
	 * as soon as the listeners are done. A claim of the key made after this method
	 * returns must see {@link Status#COMPLETED} once the returned stage completes with
	 * {@code true}, and must never see {@link Status#CLAIMED} before it does. Stores that
	 * talk to a server override it to send the command and return at once; the default
	 * calls {@link #complete}.
	 * @param key the claimed key
	 * @param owner the owner token of the claim
	 * @return completes with {@code true}, or {@code false} when the claim was no longer
	 * this owner's; completes exceptionally when the store failed
	 */
	default CompletionStage<Boolean> completeAsync(String key, String owner) {
		try {
			return CompletableFuture.completedStage(complete(key, owner));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedStage(ex);
		}
	}

	/**
	 * Gives up a claim after a failure, so that a redelivery can claim the key again.
	 * @param key the claimed key
	 * @param owner the owner token of the claim
	 * @return {@code true}, or {@code false} when the claim was no longer this owner's
	 */
	boolean release(String key, String owner);

	/**
	 * Gives up a claim, as {@link #release} does, without making the caller wait for the
	 * store's answer when the store {@link #claimsWithoutBlocking() claims without
	 * blocking}. The default calls {@link #release}.
	 * @param key the claimed key
	 * @param owner the owner token of the claim
	 * @return completes with {@code true}, or {@code false} when the claim was no longer
	 * this owner's; completes exceptionally when the store failed
	 */
	default CompletionStage<Boolean> releaseAsync(String key, String owner) {
		try {
			return CompletableFuture.completedStage(release(key, owner));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedStage(ex);
		}
	}

	/**
	 * Where a key stands.
	 */
	enum Status {

		/** The caller holds the claim and should handle the delivery. */
		CLAIMED,

		/** Another attempt holds an unexpired lease on the key: not handled yet. */
		IN_PROGRESS,

		/** A delivery with this key was handled within the retention window. */
		COMPLETED

	}

	/**
	 * The answer to a claim.
	 *
	 * @param status where the key stands
	 * @param owner the owner token when {@link Status#CLAIMED}, otherwise {@code null}
	 */
	record Claim(Status status, @Nullable String owner) {

		/** A claim of a key another attempt is handling. */
		public static final Claim IN_PROGRESS = new Claim(Status.IN_PROGRESS, null);

		/** A claim of a key that was already handled. */
		public static final Claim COMPLETED = new Claim(Status.COMPLETED, null);

		/**
		 * Checks that a claimed status comes with its owner.
		 * @param status where the key stands
		 * @param owner the owner token, required when claimed
		 */
		public Claim {
			if (status == null || (status == Status.CLAIMED) != (owner != null)) {
				throw new IllegalArgumentException("A claim has an owner exactly when it is CLAIMED");
			}
		}

		/**
		 * Returns a successful claim.
		 * @param owner the owner token
		 * @return the claim
		 */
		public static Claim claimed(String owner) {
			return new Claim(Status.CLAIMED, owner);
		}

		/**
		 * Returns whether the caller holds the claim.
		 * @return whether {@link Status#CLAIMED}
		 */
		public boolean isClaimed() {
			return this.status == Status.CLAIMED;
		}

	}

}
