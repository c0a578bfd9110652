package com.blooio.spring.test.simulator.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The webhook subscription endpoints: create, list, get, update (type, expiry,
 * deprecation), delete and secret rotation.
 */
final class WebhooksApi {

	private static final Set<String> TYPES = Set.of("message", "status", "all");

	private final SimulatorState state;

	private final SettingsState settings;

	WebhooksApi(SimulatorState state, SettingsState settings) {
		this.state = state;
		this.settings = settings;
	}

	ApiReply create(ApiCall call) {
		JsonNode body = call.jsonBody();
		String url = body.path("webhook_url").isString() ? body.path("webhook_url").asString() : null;
		if (url == null || !isHttpUrl(url)) {
			throw ApiError.badRequest("webhook_url must be an absolute http(s) URL.");
		}
		String type = body.path("webhook_type").isString() ? body.path("webhook_type").asString() : "message";
		if (!TYPES.contains(type)) {
			throw ApiError.badRequest("webhook_type must be one of message, status, all.");
		}
		return this.state.locked(() -> {
			WebhookSubscription existing = this.state.webhookByUrl(url);
			if (existing != null) {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("webhook_id", existing.id);
				json.put("webhook_url", existing.url);
				json.put("scope", "api_key");
				json.put("message", "Webhook already exists for this URL.");
				return ApiReply.ok(json);
			}
			if (this.settings.v2WebhookCreationRetired()) {
				throw ApiError.of(410, "Creating webhooks through v2 is no longer supported for new URLs;"
						+ " subscribe through POST /v4/webhooks.");
			}
			WebhookSubscription created = this.state.addWebhook(url, type, Ids.webhookSecret());
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("webhook_id", created.id);
			json.put("webhook_url", created.url);
			json.put("webhook_type", created.type);
			json.put("scope", "api_key");
			json.put("created_at", created.createdAt);
			json.put("signing_secret", created.secret());
			return new ApiReply(201, json);
		});
	}

	static boolean isHttpUrl(String url) {
		try {
			URI uri = URI.create(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	ApiReply list() {
		return this.state.locked(() -> ApiReply
			.ok(Map.of("webhooks", this.state.webhooks().stream().map(WebhooksApi::webhook).toList())));
	}

	ApiReply get(String id) {
		return this.state.locked(() -> ApiReply.ok(webhook(find(id))));
	}

	ApiReply update(ApiCall call, String id) {
		JsonNode body = call.jsonBody();
		JsonNode typeNode = body.path("webhook_type");
		if (!typeNode.isMissingNode() && (!typeNode.isString() || !TYPES.contains(typeNode.asString()))) {
			throw ApiError.badRequest("webhook_type must be one of message, status, all.");
		}
		JsonNode validUntilNode = body.path("valid_until");
		if (!validUntilNode.isMissingNode() && !validUntilNode.isNull()
				&& (!validUntilNode.isIntegralNumber() || validUntilNode.asLong() < -1)) {
			throw ApiError.badRequest("valid_until must be epoch milliseconds, or -1 or null for no expiration.");
		}
		JsonNode deprecateNode = body.path("deprecate");
		if (!deprecateNode.isMissingNode() && !deprecateNode.isBoolean()) {
			throw ApiError.badRequest("deprecate must be a boolean.");
		}
		return this.state.locked(() -> {
			WebhookSubscription subscription = find(id);
			if (typeNode.isString()) {
				subscription.type = typeNode.asString();
			}
			if (!validUntilNode.isMissingNode()) {
				subscription.validUntil = validUntilNode.isNull() ? -1 : validUntilNode.asLong();
			}
			if (deprecateNode.isBoolean()) {
				boolean deprecate = deprecateNode.asBoolean();
				if (deprecate && subscription.deprecatedAt == null) {
					subscription.deprecatedAt = System.currentTimeMillis();
				}
				else if (!deprecate) {
					subscription.deprecatedAt = null;
				}
			}
			return ApiReply.ok(webhook(subscription));
		});
	}

	ApiReply delete(String id) {
		return this.state.locked(() -> {
			this.state.removeWebhook(find(id).id);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("success", true);
			json.put("message", "Webhook deleted.");
			return ApiReply.ok(json);
		});
	}

	/**
	 * Replaces the signing secret: from now on every delivery, retries and replays
	 * included, is signed with the new one only.
	 */
	ApiReply rotateSecret(String id) {
		return this.state.locked(() -> {
			WebhookSubscription subscription = find(id);
			long now = System.currentTimeMillis();
			subscription.rotate(Ids.webhookSecret(), now);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("webhook_id", subscription.id);
			json.put("signing_secret", subscription.secret());
			json.put("rotated_at", now);
			json.put("rotated_by", "api_key");
			json.put("rotation_count", subscription.rotationCount);
			return ApiReply.ok(json);
		});
	}

	WebhookSubscription find(String id) {
		WebhookSubscription subscription = this.state.webhook(id);
		if (subscription == null) {
			throw ApiError.notFound("Webhook");
		}
		return subscription;
	}

	private static Map<String, Object> webhook(WebhookSubscription subscription) {
		long lastTriggered = subscription.lastTriggered.get();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("webhook_id", subscription.id);
		json.put("webhook_url", subscription.url);
		json.put("webhook_type", subscription.type);
		json.put("scope", "api_key");
		json.put("api_key_name", null);
		json.put("integration_name", null);
		json.put("created_at", subscription.createdAt);
		json.put("deprecated_at", subscription.deprecatedAt);
		json.put("valid_until", subscription.validUntil);
		json.put("last_triggered", (lastTriggered >= 0) ? lastTriggered : null);
		json.put("failure_count", subscription.failureCount.get());
		json.put("is_active", subscription.deprecatedAt == null);
		return json;
	}

}
