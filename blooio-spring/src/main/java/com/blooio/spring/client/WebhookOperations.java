package com.blooio.spring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.exception.BlooioWebhookCreationRetiredException;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.webhook.Webhook;
import com.blooio.spring.model.webhook.WebhookCreated;
import com.blooio.spring.model.webhook.WebhookDeleted;
import com.blooio.spring.model.webhook.WebhookLog;
import com.blooio.spring.model.webhook.WebhookLogQuery;
import com.blooio.spring.model.webhook.WebhookReplay;
import com.blooio.spring.model.webhook.WebhookSecretRotation;
import com.blooio.spring.model.webhook.WebhookType;
import com.blooio.spring.model.webhook.WebhookUpdate;

/**
 * Webhook subscriptions: list, create, update, delete, rotate the signing secret, read
 * and replay delivery logs.
 *
 * @since 0.1.0
 */
public interface WebhookOperations {

	/**
	 * Lists every webhook subscription (Blooio does not page this list).
	 * @return the subscriptions
	 */
	Mono<List<Webhook>> list();

	/**
	 * Subscribes a URL to webhook events. A new subscription carries its signing secret,
	 * shown only this once; an already registered URL answers without a secret and with
	 * {@link WebhookCreated#alreadyExisted()} set.
	 * <p>
	 * Blooio's v2 API may refuse new URLs: that fails with
	 * {@link BlooioWebhookCreationRetiredException}; create the subscription in the
	 * dashboard or through v4 and set {@code blooio.webhook.secret}.
	 * @param url the HTTPS URL to deliver events to
	 * @param type which events to deliver, or {@code null} for Blooio's default
	 * ({@code message})
	 * @return Blooio's answer
	 */
	Mono<WebhookCreated> create(String url, @Nullable WebhookType type);

	/**
	 * Fetches one webhook subscription.
	 * @param webhookId the webhook id
	 * @return the subscription
	 */
	Mono<Webhook> get(String webhookId);

	/**
	 * Changes a webhook subscription's type, expiry or paused state.
	 * @param webhookId the webhook id
	 * @param update the changes, at least one
	 * @return the updated subscription
	 */
	Mono<Webhook> update(String webhookId, WebhookUpdate update);

	/**
	 * Deletes a webhook subscription permanently. Pausing it with
	 * {@link WebhookUpdate#deprecate(boolean)} keeps its logs for a later replay.
	 * @param webhookId the webhook id
	 * @return Blooio's answer
	 */
	Mono<WebhookDeleted> delete(String webhookId);

	/**
	 * Rotates a webhook's signing secret. The old secret stops working immediately.
	 * @param webhookId the webhook id
	 * @return the new secret
	 */
	Mono<WebhookSecretRotation> rotateSecret(String webhookId);

	/**
	 * Lists one page of a webhook's delivery logs.
	 * @param webhookId the webhook id
	 * @param query filters and paging
	 * @return the page
	 */
	Mono<Page<WebhookLog>> logs(String webhookId, WebhookLogQuery query);

	/**
	 * Lists every delivery log matching the query, fetching the next page only when the
	 * subscriber asks for more and stopping when Blooio reports no more.
	 * @param webhookId the webhook id
	 * @param query filters, page size and start offset
	 * @return the logs
	 */
	Flux<WebhookLog> logsAll(String webhookId, WebhookLogQuery query);

	/**
	 * Delivers a logged event again.
	 * @param webhookId the webhook id
	 * @param eventId the logged event
	 * @return the outcome of the new delivery
	 */
	Mono<WebhookReplay> replay(String webhookId, String eventId);

}
