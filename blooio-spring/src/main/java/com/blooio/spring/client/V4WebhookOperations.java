package com.blooio.spring.client;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.model.v4.DeliveryAttempt;
import com.blooio.spring.model.v4.DeliveryReplay;
import com.blooio.spring.model.v4.SecretRotation;
import com.blooio.spring.model.v4.Subscription;
import com.blooio.spring.model.v4.SubscriptionCreated;
import com.blooio.spring.model.v4.SubscriptionUpdate;

/**
 * v4 webhook subscriptions: create, read, change, delete, rotate the signing secret, and
 * their deliveries. Lists are read lazily, page by page, as they are consumed.
 *
 * @since 0.1.0
 */
public interface V4WebhookOperations {

	/**
	 * Lists every subscription.
	 * @return the subscriptions, fetched page by page
	 */
	Flux<Subscription> list();

	/**
	 * Subscribes a URL. The answer carries the signing secret, which Blooio shows only
	 * this once. Retries reuse one {@code Idempotency-Key}, so a retried call creates one
	 * subscription.
	 * @param url the HTTPS URL Blooio delivers to
	 * @param eventTypes exact types, wildcards such as {@code message.*}, or {@code *}
	 * (Blooio's default when empty)
	 * @return the subscription and its secret
	 */
	Mono<SubscriptionCreated> create(String url, List<String> eventTypes);

	/**
	 * Subscribes a URL with an {@code Idempotency-Key} of the caller's: a repeated call
	 * with the same key and body gets the original answer where Blooio honours the key,
	 * so several application instances that derive the same key create one subscription.
	 * @param url the HTTPS URL Blooio delivers to
	 * @param eventTypes exact types, wildcards such as {@code message.*}, or {@code *}
	 * (Blooio's default when empty)
	 * @param idempotencyKey the key, the same on every retry
	 * @return the subscription and its secret
	 */
	Mono<SubscriptionCreated> create(String url, List<String> eventTypes, String idempotencyKey);

	/**
	 * Fetches one subscription.
	 * @param subscriptionId the subscription id ({@code wh_...})
	 * @return the subscription
	 */
	Mono<Subscription> get(String subscriptionId);

	/**
	 * Changes a subscription's URL, event types or status.
	 * @param subscriptionId the subscription id
	 * @param update what to change
	 * @return the subscription as changed
	 */
	Mono<Subscription> update(String subscriptionId, SubscriptionUpdate update);

	/**
	 * Deletes a subscription.
	 * @param subscriptionId the subscription id
	 * @return completes once it is deleted
	 */
	Mono<Void> delete(String subscriptionId);

	/**
	 * Replaces a subscription's signing secret, at once: deliveries from then on are
	 * signed with the new one.
	 * @param subscriptionId the subscription id
	 * @return the new secret
	 */
	Mono<SecretRotation> rotateSecret(String subscriptionId);

	/**
	 * Lists a subscription's deliveries.
	 * @param subscriptionId the subscription id
	 * @return the deliveries, fetched page by page
	 */
	Flux<DeliveryAttempt> deliveries(String subscriptionId);

	/**
	 * Has Blooio deliver an event again, with the same event id.
	 * @param subscriptionId the subscription id
	 * @param deliveryId the delivery to replay ({@code wdel_...})
	 * @return the replay Blooio queued
	 */
	Mono<DeliveryReplay> replay(String subscriptionId, String deliveryId);

}
