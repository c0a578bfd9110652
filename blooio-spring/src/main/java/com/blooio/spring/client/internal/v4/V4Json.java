package com.blooio.spring.client.internal.v4;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.model.v4.DeliveryAttempt;
import com.blooio.spring.model.v4.DeliveryReplay;
import com.blooio.spring.model.v4.FeedEvent;
import com.blooio.spring.model.v4.MessageFeedEvent;
import com.blooio.spring.model.v4.SecretRotation;
import com.blooio.spring.model.v4.Subscription;
import com.blooio.spring.model.v4.SubscriptionCreated;

/**
 * Reads v4 answers: one item wrapped as {@code {"data": {...}}}, or a page as
 * {@code {"data": [...], "has_more", "next_cursor"}}. Items are read field by field
 * because v4 timestamps are whole numbers in seconds or milliseconds
 * ({@link BlooioJson#epochInstant(JsonNode)}).
 */
final class V4Json {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private V4Json() {
	}

	static JsonNode data(byte[] body) {
		JsonNode data = BlooioJson.mapper().readTree(body).get("data");
		if (data == null || !data.isObject()) {
			throw new IllegalArgumentException("v4 answer has no data object");
		}
		return data;
	}

	static <T> CursorPage<T> page(byte[] body, Function<JsonNode, T> reader) {
		JsonNode root = BlooioJson.mapper().readTree(body);
		List<T> items = new ArrayList<>();
		for (JsonNode item : root.path("data")) {
			if (item.isObject()) {
				items.add(reader.apply(item));
			}
		}
		JsonNode hasMore = root.get("has_more");
		return new CursorPage<>(items, hasMore != null && hasMore.asBoolean(false), text(root, "next_cursor"));
	}

	static Subscription subscription(JsonNode node) {
		List<String> eventTypes = new ArrayList<>();
		for (JsonNode type : node.path("event_types")) {
			if (type.isString()) {
				eventTypes.add(type.asString());
			}
		}
		return new Subscription(required(node, "id"), text(node, "url"), eventTypes, text(node, "status"),
				text(node, "channel_id"), text(node, "channel_type"), BlooioJson.epochInstant(node.get("created_at")));
	}

	static SubscriptionCreated subscriptionCreated(JsonNode node) {
		return new SubscriptionCreated(subscription(node), required(node, "signing_secret"));
	}

	static SecretRotation secretRotation(JsonNode node) {
		return new SecretRotation(required(node, "id"), required(node, "signing_secret"));
	}

	static DeliveryAttempt deliveryAttempt(JsonNode node) {
		return new DeliveryAttempt(required(node, "id"), text(node, "webhook_id"), text(node, "event_id"),
				text(node, "event_type"), text(node, "status"), integer(node, "attempt_count"),
				integer(node, "response_status"), BlooioJson.epochInstant(node.get("last_attempt_at")),
				BlooioJson.epochInstant(node.get("next_attempt_at")), BlooioJson.epochInstant(node.get("created_at")));
	}

	static DeliveryReplay deliveryReplay(JsonNode node) {
		return new DeliveryReplay(required(node, "id"), text(node, "replay_of"), text(node, "status"));
	}

	static FeedEvent feedEvent(JsonNode node) {
		return new FeedEvent(required(node, "id"), required(node, "type"), text(node, "message_id"),
				text(node, "chat_id"), text(node, "channel_type"), BlooioJson.epochInstant(node.get("occurred_at")),
				map(node.get("data")), node.toString());
	}

	static MessageFeedEvent messageFeedEvent(JsonNode node) {
		return new MessageFeedEvent(required(node, "id"), text(node, "message_id"), text(node, "kind"),
				BlooioJson.epochInstant(node.get("occurred_at")), map(node.get("metadata")));
	}

	private static Map<String, Object> map(@Nullable JsonNode node) {
		return (node != null && node.isObject()) ? BlooioJson.mapper().convertValue(node, MAP) : Map.of();
	}

	private static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null) {
			throw new IllegalArgumentException("v4 item has no " + field);
		}
		return value;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isValueNode() && !value.isNull() && !value.asString().isBlank())
				? value.asString() : null;
	}

	private static @Nullable Integer integer(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.canConvertToInt()) ? value.asInt() : null;
	}

	/**
	 * One page of a v4 list.
	 */
	record CursorPage<T>(List<T> items, boolean hasMore, @Nullable String nextCursor) {

	}

}
