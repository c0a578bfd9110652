package com.blooio.spring.test.simulator.internal.v4;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.internal.Ids;

/**
 * The v4 webhook endpoints: subscriptions (the signing secret shown on creation and
 * rotation only), their delivery attempts, and replays.
 */
final class WebhooksV4Api {

	private final V4State state;

	private final V4Dispatcher dispatcher;

	WebhooksV4Api(V4State state, V4Dispatcher dispatcher) {
		this.state = state;
		this.dispatcher = dispatcher;
	}

	V4Reply list(V4Request request) {
		return V4Reply.ok(this.state.locked(() -> Pages.page(this.state.subscriptionsNewestFirst(),
				(subscription) -> subscription.sequence, WebhooksV4Api::webhook, request)));
	}

	V4Reply create(V4Request request) {
		JsonNode body = request.jsonBody();
		String url = url(body.get("url"));
		if (url == null) {
			throw V4Error.invalid("url", "url must be an absolute http(s) URL.");
		}
		List<String> eventTypes = body.has("event_types") ? EventTypes.expand(body.get("event_types"))
				: EventTypes.EVERYTHING;
		V4Subscription subscription = new V4Subscription(this.state.nextSequence(), "wh_" + Ids.hex(8), url, eventTypes,
				text(body, "channel_id"), text(body, "channel_type"), Ids.webhookSecret(), System.currentTimeMillis());
		return this.state.locked(() -> {
			this.state.addSubscription(subscription);
			Map<String, Object> json = webhook(subscription);
			json.put("signing_secret", subscription.secret());
			return new V4Reply(201, Map.of("data", json));
		});
	}

	V4Reply get(String id) {
		return this.state.locked(() -> V4Reply.data(webhook(find(id))));
	}

	V4Reply update(V4Request request, String id) {
		JsonNode body = request.jsonBody();
		String url = null;
		if (body.has("url")) {
			url = url(body.get("url"));
			if (url == null) {
				throw V4Error.invalid("url", "url must be an absolute http(s) URL.");
			}
		}
		List<String> eventTypes = body.has("event_types") ? EventTypes.expand(body.get("event_types")) : null;
		Boolean active = null;
		if (body.has("status")) {
			String status = text(body, "status");
			if (!"active".equals(status) && !"disabled".equals(status)) {
				throw V4Error.invalid("status", "status must be active or disabled.");
			}
			active = "active".equals(status);
		}
		String newUrl = url;
		Boolean newActive = active;
		return this.state.locked(() -> {
			V4Subscription subscription = find(id);
			if (newUrl != null) {
				subscription.url = newUrl;
			}
			if (eventTypes != null) {
				subscription.eventTypes = eventTypes;
			}
			if (newActive != null) {
				subscription.active = newActive;
			}
			return V4Reply.data(webhook(subscription));
		});
	}

	V4Reply delete(String id) {
		return this.state.locked(() -> {
			this.state.removeSubscription(find(id).id);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", id);
			json.put("deleted", true);
			return V4Reply.data(json);
		});
	}

	V4Reply rotateSecret(String id) {
		return this.state.locked(() -> {
			V4Subscription subscription = find(id);
			subscription.rotate(Ids.webhookSecret());
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", subscription.id);
			json.put("signing_secret", subscription.secret());
			return V4Reply.data(json);
		});
	}

	V4Reply deliveries(V4Request request, String id) {
		return this.state.locked(() -> V4Reply.ok(Pages.page(this.state.deliveriesNewestFirst(find(id).id),
				V4Delivery::sequence, WebhooksV4Api::delivery, request)));
	}

	/**
	 * Re-delivers the event of a past attempt; the answer says the replay is queued, and
	 * its attempt shows up in the deliveries under the id answered.
	 */
	V4Reply replay(String id, String deliveryId) {
		return this.state.locked(() -> {
			V4Subscription subscription = find(id);
			V4Delivery original = this.state.delivery(subscription.id, deliveryId);
			V4Event event = (original != null) ? this.state.event(original.eventId()) : null;
			if (original == null || event == null) {
				throw V4Error.notFound("Webhook delivery");
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", this.dispatcher.replay(subscription, event, original.id()));
			json.put("replay_of", original.id());
			json.put("status", "queued");
			return new V4Reply(201, Map.of("data", json));
		});
	}

	private V4Subscription find(String id) {
		V4Subscription subscription = this.state.subscription(id);
		if (subscription == null) {
			throw V4Error.notFound("Webhook");
		}
		return subscription;
	}

	private static @Nullable String url(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		try {
			URI uri = URI.create(node.asString());
			boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
			return (http && uri.getHost() != null) ? node.asString() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static Map<String, Object> webhook(V4Subscription subscription) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", subscription.id);
		json.put("url", subscription.url);
		json.put("event_types", subscription.eventTypes);
		json.put("status", subscription.active ? "active" : "disabled");
		json.put("channel_id", subscription.channelId);
		json.put("channel_type", subscription.channelType);
		json.put("created_at", subscription.createdAt);
		return json;
	}

	private static Map<String, Object> delivery(V4Delivery delivery) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", delivery.id());
		json.put("webhook_id", delivery.webhookId());
		json.put("event_id", delivery.eventId());
		json.put("event_type", delivery.eventType());
		json.put("status", delivery.status());
		json.put("attempt_count", delivery.attemptCount());
		json.put("response_status", delivery.responseStatus());
		json.put("last_attempt_at", delivery.attemptedAt());
		json.put("next_attempt_at", delivery.nextAttemptAt());
		json.put("created_at", delivery.attemptedAt());
		if (delivery.replayOf() != null) {
			json.put("replay_of", delivery.replayOf());
		}
		return json;
	}

}
