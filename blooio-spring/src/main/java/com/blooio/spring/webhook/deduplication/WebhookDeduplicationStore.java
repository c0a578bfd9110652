package com.blooio.spring.webhook.deduplication;

/**
 * Remembers which webhook deliveries were handled, so that Blooio's redeliveries are
 * published once. Claim-then-complete: a delivery is claimed before its listeners run,
 * completed when they succeed, and released when they fail so that the redelivery is
 * handled.
 * <p>
 * Implementations must be thread-safe: concurrent claims of one key must succeed once.
 * Declare a bean of this type to share the state between instances (e.g. in Redis); the
 * default, {@link InMemoryWebhookDeduplicationStore}, is per instance.
 *
 * @since 0.1.0
 */
public interface WebhookDeduplicationStore {

	/**
	 * Claims a delivery for handling.
	 * @param key the delivery's de-duplication key
	 * @return {@link Claim#CLAIMED} if the caller should handle it, otherwise why not
	 */
	Claim claim(String key);

	/**
	 * Records that a claimed delivery was handled; later claims see
	 * {@link Claim#COMPLETED}.
	 * @param key the key passed to {@link #claim(String)}
	 */
	void complete(String key);

	/**
	 * Gives up a claim after a failure, so that a redelivery can claim the key again.
	 * @param key the key passed to {@link #claim(String)}
	 */
	void release(String key);

	/**
	 * The answer to a claim.
	 */
	enum Claim {

		/** The caller holds the claim and should handle the delivery. */
		CLAIMED,

		/** Another delivery with this key is being handled right now. */
		IN_PROGRESS,

		/** A delivery with this key was already handled. */
		COMPLETED

	}

}
