package com.blooio.spring.client.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.WebhookOperations;
import com.blooio.spring.client.exception.BlooioApiException;
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

import org.springframework.util.Assert;

/**
 * {@link WebhookOperations} over {@link ApiClient}.
 */
final class TemplateWebhooks implements WebhookOperations {

	private static final int GONE = 410;

	private final ApiClient api;

	TemplateWebhooks(ApiClient api) {
		this.api = api;
	}

	@Override
	public Mono<List<Webhook>> list() {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("listWebhooks", "/webhooks").build(this.api.settings().baseUrl()),
				(response) -> this.api.json().readList(response.body(), "webhooks", Webhook.class)));
	}

	@Override
	public Mono<WebhookCreated> create(String url, @Nullable WebhookType type) {
		Assert.hasText(url, "url must not be empty");
		return Mono.defer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("webhook_url", url.trim());
			if (type != null) {
				body.put("webhook_type", type.value());
			}
			ApiRequest call = ApiRequest.post("createWebhook", "/webhooks")
				.body(this.api.json().write(body))
				.build(this.api.settings().baseUrl());
			return this.api.retrieve(call, (response) -> {
				CreatedWire wire = this.api.json().read(response.body(), CreatedWire.class);
				return new WebhookCreated(wire.webhookId(), wire.webhookUrl(), wire.webhookType(), wire.scope(),
						wire.createdAt(), wire.signingSecret(), response.status() == 200, wire.message());
			});
		})
			.onErrorMap((ex) -> ex instanceof BlooioApiException api && api.getStatusCode() == GONE,
					(ex) -> retired((BlooioApiException) ex));
	}

	private static BlooioWebhookCreationRetiredException retired(BlooioApiException ex) {
		return new BlooioWebhookCreationRetiredException(ex.getOperation(), ex.getError(), ex.getIdempotencyKey());
	}

	@Override
	public Mono<Webhook> get(String webhookId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("getWebhook", "/webhooks/{webhookId}", webhookId).build(this.api.settings().baseUrl()),
				Webhook.class));
	}

	@Override
	public Mono<Webhook> update(String webhookId, WebhookUpdate update) {
		Assert.notNull(update, "update must not be null");
		Assert.isTrue(!update.isEmpty(), "update must change at least one field");
		return Mono.defer(() -> this.api.retrieve(ApiRequest.patch("updateWebhook", "/webhooks/{webhookId}", webhookId)
			.body(this.api.json().write(update))
			.build(this.api.settings().baseUrl()), Webhook.class));
	}

	@Override
	public Mono<WebhookDeleted> delete(String webhookId) {
		return Mono.defer(() -> this.api.retrieve(ApiRequest.delete("deleteWebhook", "/webhooks/{webhookId}", webhookId)
			.build(this.api.settings().baseUrl()), WebhookDeleted.class));
	}

	@Override
	public Mono<WebhookSecretRotation> rotateSecret(String webhookId) {
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.post("rotateWebhookSecret", "/webhooks/{webhookId}/secret/rotate", webhookId)
				.build(this.api.settings().baseUrl()), WebhookSecretRotation.class));
	}

	@Override
	public Mono<Page<WebhookLog>> logs(String webhookId, WebhookLogQuery query) {
		Assert.notNull(query, "query must not be null");
		return Mono.defer(() -> logsPage(webhookId, query, (query.offset() != null) ? query.offset() : 0));
	}

	@Override
	public Flux<WebhookLog> logsAll(String webhookId, WebhookLogQuery query) {
		Assert.notNull(query, "query must not be null");
		return Paginator.items((query.offset() != null) ? query.offset() : 0,
				(offset) -> logsPage(webhookId, query, offset));
	}

	private Mono<Page<WebhookLog>> logsPage(String webhookId, WebhookLogQuery query, int offset) {
		int limit = (query.limit() != null) ? query.limit() : Paginator.DEFAULT_PAGE_SIZE;
		ApiRequest call = ApiRequest.get("listWebhookLogs", "/webhooks/{webhookId}/logs", webhookId)
			.query("limit", query.limit())
			.query("offset", (offset != 0 || query.offset() != null) ? offset : null)
			.query("sort", (query.sort() != null) ? query.sort().wireValue() : null)
			.query("status", query.status())
			.query("min_status", query.minStatus())
			.query("max_status", query.maxStatus())
			.build(this.api.settings().baseUrl());
		return this.api.retrieve(call,
				(response) -> this.api.json().readPage(response.body(), "logs", WebhookLog.class, offset, limit));
	}

	@Override
	public Mono<WebhookReplay> replay(String webhookId, String eventId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.post("replayWebhookEvent", "/webhooks/{webhookId}/logs/{eventId}/replay", webhookId, eventId)
					.build(this.api.settings().baseUrl()),
				WebhookReplay.class));
	}

	/**
	 * The create response as Blooio sends it, for both 201 and 200.
	 */
	record CreatedWire(@Nullable String webhookId, @Nullable String webhookUrl, @Nullable WebhookType webhookType,
			@Nullable String scope, @Nullable Instant createdAt, @Nullable String signingSecret,
			@Nullable String message) {

	}

}
