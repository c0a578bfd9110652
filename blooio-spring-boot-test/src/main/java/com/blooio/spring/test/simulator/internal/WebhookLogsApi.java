package com.blooio.spring.test.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.internal.delivery.DeliveryResult;

/**
 * A webhook's delivery log, one entry for every attempt the {@link WebhookDispatcher}
 * made (retries and replays included), and the replay of a logged event.
 */
final class WebhookLogsApi {

	private final SimulatorState state;

	private final WebhooksApi webhooks;

	private final WebhookDispatcher dispatcher;

	WebhookLogsApi(SimulatorState state, WebhooksApi webhooks, WebhookDispatcher dispatcher) {
		this.state = state;
		this.webhooks = webhooks;
		this.dispatcher = dispatcher;
	}

	ApiReply logs(ApiCall call, String webhookId) {
		int limit = call.intQuery("limit", 50, 1, 200);
		int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
		boolean ascending = "asc".equals(call.query().get("sort"));
		Integer status = call.optionalIntQuery("status");
		Integer minStatus = call.optionalIntQuery("min_status");
		Integer maxStatus = call.optionalIntQuery("max_status");
		return this.state.locked(() -> {
			List<WebhookLogEntry> matching = new ArrayList<>(this.webhooks.find(webhookId).logs.stream()
				.filter((entry) -> status == null || entry.result().status() == status)
				.filter((entry) -> minStatus == null || entry.result().status() >= minStatus)
				.filter((entry) -> maxStatus == null
						|| (entry.result().answered() && entry.result().status() <= maxStatus))
				.toList());
			// the log is in attempt order, oldest first
			if (!ascending) {
				Collections.reverse(matching);
			}
			List<Map<String, Object>> page = matching.stream().skip(offset).limit(limit).map(this::log).toList();
			Map<String, Object> pagination = new LinkedHashMap<>();
			pagination.put("total", matching.size());
			pagination.put("limit", limit);
			pagination.put("offset", offset);
			pagination.put("returned", page.size());
			pagination.put("has_more", (long) offset + page.size() < matching.size());
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("logs", page);
			json.put("pagination", pagination);
			return ApiReply.ok(json);
		});
	}

	ApiReply replay(String webhookId, String eventId) {
		WebhookSubscription subscription = this.state.locked(() -> this.webhooks.find(webhookId));
		WebhookLogEntry original = this.state.locked(() -> subscription.logs.stream()
			.filter((entry) -> entry.eventId().equals(eventId))
			.findFirst()
			.orElseThrow(() -> ApiError.notFound("Webhook event")));
		// delivered on this request's thread: the answer reports the receiver's response
		WebhookLogEntry replay = this.dispatcher.replay(subscription, original);
		DeliveryResult result = replay.result();
		Map<String, Object> responseData = new LinkedHashMap<>();
		responseData.put("body", body(result));
		responseData.put("headers", result.headers());
		responseData.put("size", result.body().length);
		if (result.contentType() != null) {
			responseData.put("contentType", result.contentType());
		}
		responseData.put("duration", result.durationMillis());
		responseData.put("error", result.error());
		responseData.put("errorType", (result.error() != null) ? "connection_error" : null);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("success", result.succeeded());
		json.put("replay_event_id", replay.eventId());
		json.put("original_event_id", original.eventId());
		json.put("webhook_id", subscription.id);
		json.put("webhook_url", subscription.url);
		if (result.answered()) {
			json.put("response_status", result.status());
		}
		json.put("duration_ms", result.durationMillis());
		json.put("response_data", responseData);
		return ApiReply.ok(json);
	}

	private Map<String, Object> log(WebhookLogEntry entry) {
		DeliveryResult result = entry.result();
		JsonNode responseJson = json(result);
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("organization_id", AccountApi.ORGANIZATION_ID);
		metadata.put("event_name", entry.event());
		metadata.put("message_id", entry.messageId());
		metadata.put("is_replay", entry.replay());
		if (entry.originalEventId() != null) {
			metadata.put("original_event_id", entry.originalEventId());
		}
		metadata.put("duration_ms", result.durationMillis());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("event_id", entry.eventId());
		json.put("scope", "api");
		json.put("attempted_time", entry.attemptedTime());
		json.put("response_received_at", result.receivedAt());
		json.put("webhook_url", entry.webhookUrl());
		json.put("event_body", entry.payload());
		json.put("response_status", result.answered() ? result.status() : null);
		json.put("response_json", (responseJson != null && responseJson.isObject()) ? responseJson : null);
		json.put("metadata", metadata);
		return json;
	}

	private static @Nullable Object body(DeliveryResult result) {
		JsonNode json = json(result);
		if (json != null) {
			return json;
		}
		return (result.body().length > 0) ? new String(result.body(), StandardCharsets.UTF_8) : null;
	}

	private static @Nullable JsonNode json(DeliveryResult result) {
		if (result.body().length == 0) {
			return null;
		}
		try {
			return ApiCall.JSON.readTree(result.body());
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
