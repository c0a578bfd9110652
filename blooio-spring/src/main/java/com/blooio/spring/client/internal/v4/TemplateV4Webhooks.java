package com.blooio.spring.client.internal.v4;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import com.blooio.spring.client.internal.ApiClient;
import com.blooio.spring.client.internal.ApiRequest;
import com.blooio.spring.client.V4WebhookOperations;
import com.blooio.spring.model.v4.DeliveryAttempt;
import com.blooio.spring.model.v4.DeliveryReplay;
import com.blooio.spring.model.v4.SecretRotation;
import com.blooio.spring.model.v4.Subscription;
import com.blooio.spring.model.v4.SubscriptionCreated;
import com.blooio.spring.model.v4.SubscriptionUpdate;

/**
 * {@link V4WebhookOperations} over {@link ApiClient}, at the v4 base URL.
 */
final class TemplateV4Webhooks implements V4WebhookOperations {

	private static final int PAGE_SIZE = 100;

	private final ApiClient api;

	TemplateV4Webhooks(ApiClient api) {
		this.api = api;
	}

	@Override
	public Flux<Subscription> list() {
		return V4Paging
			.all((cursor) -> Mono.defer(() -> this.api.retrieve(ApiRequest.get("v4.listWebhooks", "/webhooks")
				.query("limit", PAGE_SIZE)
				.query("cursor", cursor)
				.build(base()), (response) -> V4Json.page(response.body(), V4Json::subscription))));
	}

	@Override
	public Mono<SubscriptionCreated> create(String url, List<String> eventTypes) {
		return create(url, eventTypes, UUID.randomUUID().toString());
	}

	@Override
	public Mono<SubscriptionCreated> create(String url, List<String> eventTypes, String idempotencyKey) {
		Assert.hasText(url, "url must not be empty");
		Assert.hasText(idempotencyKey, "idempotencyKey must not be empty");
		Assert.notNull(eventTypes, "eventTypes must not be null");
		return Mono.defer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("url", url.trim());
			if (!eventTypes.isEmpty()) {
				body.put("event_types", eventTypes);
			}
			ApiRequest call = ApiRequest.post("v4.createWebhook", "/webhooks")
				.body(this.api.json().write(body))
				.idempotencyKey(idempotencyKey)
				.build(base());
			return this.api.retrieve(call, (response) -> V4Json.subscriptionCreated(V4Json.data(response.body())));
		});
	}

	@Override
	public Mono<Subscription> get(String subscriptionId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("v4.getWebhook", "/webhooks/{webhookId}", subscriptionId).build(base()),
				(response) -> V4Json.subscription(V4Json.data(response.body()))));
	}

	@Override
	public Mono<Subscription> update(String subscriptionId, SubscriptionUpdate update) {
		Assert.notNull(update, "update must not be null");
		return Mono.defer(() -> {
			Map<String, @Nullable Object> body = new LinkedHashMap<>();
			putIfSet(body, "url", update.url());
			putIfSet(body, "event_types", update.eventTypes());
			putIfSet(body, "status", update.status());
			ApiRequest call = ApiRequest.patch("v4.updateWebhook", "/webhooks/{webhookId}", subscriptionId)
				.body(this.api.json().write(body))
				.build(base());
			return this.api.retrieve(call, (response) -> V4Json.subscription(V4Json.data(response.body())));
		});
	}

	@Override
	public Mono<Void> delete(String subscriptionId) {
		return Mono
			.defer(() -> this.api
				.exchange(ApiRequest.delete("v4.deleteWebhook", "/webhooks/{webhookId}", subscriptionId).build(base())))
			.then();
	}

	@Override
	public Mono<SecretRotation> rotateSecret(String subscriptionId) {
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.post("v4.rotateWebhookSecret", "/webhooks/{webhookId}/secret/rotate", subscriptionId)
				.build(base()), (response) -> V4Json.secretRotation(V4Json.data(response.body()))));
	}

	@Override
	public Flux<DeliveryAttempt> deliveries(String subscriptionId) {
		Assert.hasText(subscriptionId, "subscriptionId must not be empty");
		return V4Paging.all(
				(cursor) -> Mono.defer(
						() -> this.api
							.retrieve(
									ApiRequest
										.get("v4.listWebhookDeliveries", "/webhooks/{webhookId}/deliveries",
												subscriptionId)
										.query("limit", PAGE_SIZE)
										.query("cursor", cursor)
										.build(base()),
									(response) -> V4Json.page(response.body(), V4Json::deliveryAttempt))));
	}

	@Override
	public Mono<DeliveryReplay> replay(String subscriptionId, String deliveryId) {
		return Mono.defer(() -> this.api.retrieve(ApiRequest
			.post("v4.replayWebhookDelivery", "/webhooks/{webhookId}/deliveries/{deliveryId}/replay", subscriptionId,
					deliveryId)
			.idempotencyKey(UUID.randomUUID().toString())
			.build(base()), (response) -> V4Json.deliveryReplay(V4Json.data(response.body()))));
	}

	private URI base() {
		return this.api.settings().v4BaseUrl();
	}

	private static void putIfSet(Map<String, @Nullable Object> body, String field, @Nullable Object value) {
		if (value != null) {
			body.put(field, value);
		}
	}

}
