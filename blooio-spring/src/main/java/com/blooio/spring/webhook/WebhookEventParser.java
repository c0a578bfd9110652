package com.blooio.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.model.contact.ContactRef;
import com.blooio.spring.model.message.Attachment;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.Direction;
import com.blooio.spring.model.message.Protocol;
import com.blooio.spring.model.message.ReplyTo;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioGenericEvent;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessagePendingEvent;
import com.blooio.spring.webhook.event.BlooioMessageQueuedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReactionEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;
import com.blooio.spring.webhook.event.WebhookDelivery;
import com.blooio.spring.webhook.event.WebhookDelivery.UnverifiedHeaders;
import com.blooio.spring.webhook.event.WebhookMessage;

/**
 * Turns a verified webhook body into a typed event, tolerating every shape Blooio has
 * used: the flat v2 payload, the older one ({@code device_id}, no {@code internal_id}),
 * both v4 envelopes ({@code {id, type, created_at, organization_id, data}} in Blooio's
 * guides, {@code {id, type, message_id, chat_id, channel_type, occurred_at, data}} in its
 * OpenAPI document), attachments as URL strings or {@code {url, name}} objects,
 * timestamps read by {@link BlooioJson#instant(JsonNode)}, and unknown fields and event
 * types.
 */
final class WebhookEventParser {

	private static final List<String> ENVELOPE_IDS = List.of("message_id", "chat_id");

	private final Object source;

	private final ChatAndSafetyEvents chatAndSafetyEvents;

	WebhookEventParser(Object source) {
		this.source = source;
		this.chatAndSafetyEvents = new ChatAndSafetyEvents(source);
	}

	/**
	 * Parses a delivery.
	 * @throws MalformedWebhookException if the body is not a JSON object or names no
	 * event
	 */
	ParsedEvent parse(byte[] body, HttpHeaders headers, @Nullable Instant signedAt) {
		JsonNode root = readObject(body);
		boolean envelope = !root.hasNonNull("event") && root.hasNonNull("type") && root.path("data").isObject();
		JsonNode payload = envelope ? withEnvelopeIds(root) : root;
		String eventType = eventType(envelope ? root.get("type") : root.get("event"));
		WebhookDelivery delivery = new WebhookDelivery(envelope ? text(root, "id") : null, signedAt,
				envelope ? createdAt(root) : null, unverified(headers));
		String json = envelope ? root.get("data").toString() : new String(body, StandardCharsets.UTF_8);
		if (eventType.startsWith("message.")) {
			WebhookMessage message = message(payload);
			return new ParsedEvent(messageEvent(eventType, delivery, json, message), payload);
		}
		BlooioEvent event = this.chatAndSafetyEvents.create(eventType, delivery, json, payload);
		return new ParsedEvent((event != null) ? event : new BlooioGenericEvent(this.source, eventType, delivery, json),
				payload);
	}

	/**
	 * Returns a v4 envelope's {@code data}, with the envelope's {@code message_id} and
	 * {@code chat_id} (the document's envelope shape puts them there) when {@code data}
	 * has none.
	 */
	private static JsonNode withEnvelopeIds(JsonNode root) {
		JsonNode data = root.get("data");
		ObjectNode merged = null;
		for (String field : ENVELOPE_IDS) {
			if (!data.hasNonNull(field) && root.hasNonNull(field)) {
				merged = (merged != null) ? merged : ((ObjectNode) data).deepCopy();
				merged.set(field, root.get(field));
			}
		}
		return (merged != null) ? merged : data;
	}

	/**
	 * When Blooio created a v4 event: {@code created_at} in the documented envelope,
	 * {@code occurred_at} in the OpenAPI document's.
	 */
	private static @Nullable Instant createdAt(JsonNode root) {
		Instant createdAt = BlooioJson.epochInstant(root.get("created_at"));
		return (createdAt != null) ? createdAt : BlooioJson.epochInstant(root.get("occurred_at"));
	}

	private JsonNode readObject(byte[] body) {
		try {
			JsonNode root = BlooioJson.mapper().readTree(body);
			if (root == null || !root.isObject()) {
				throw new MalformedWebhookException("Webhook body is not a JSON object");
			}
			return root;
		}
		catch (JacksonException ex) {
			throw new MalformedWebhookException("Webhook body is not valid JSON");
		}
	}

	private static UnverifiedHeaders unverified(HttpHeaders headers) {
		String event = headers.getFirst(BlooioWebhook.EVENT_HEADER);
		String messageId = headers.getFirst(BlooioWebhook.MESSAGE_ID_HEADER);
		boolean replay = "true".equalsIgnoreCase(headers.getFirst(BlooioWebhook.REPLAY_HEADER));
		String originalEventId = headers.getFirst(BlooioWebhook.ORIGINAL_EVENT_ID_HEADER);
		if (event == null && messageId == null && !replay && originalEventId == null) {
			return UnverifiedHeaders.NONE;
		}
		return new UnverifiedHeaders(event, messageId, replay, originalEventId);
	}

	private static String eventType(@Nullable JsonNode node) {
		String type = (node != null && node.isString()) ? node.asString() : null;
		if (type == null || type.isBlank()) {
			throw new MalformedWebhookException("Webhook names no event type");
		}
		return type.trim().toLowerCase(Locale.ROOT);
	}

	private BlooioEvent messageEvent(String eventType, WebhookDelivery delivery, String json, WebhookMessage message) {
		return switch (eventType) {
			case BlooioMessageReceivedEvent.TYPE ->
				new BlooioMessageReceivedEvent(this.source, delivery, json, message);
			case BlooioMessageSentEvent.TYPE -> new BlooioMessageSentEvent(this.source, delivery, json, message);
			case BlooioMessageDeliveredEvent.TYPE ->
				new BlooioMessageDeliveredEvent(this.source, delivery, json, message);
			case BlooioMessageFailedEvent.TYPE -> new BlooioMessageFailedEvent(this.source, delivery, json, message);
			case BlooioMessageReadEvent.TYPE -> new BlooioMessageReadEvent(this.source, delivery, json, message);
			case BlooioMessageReactionEvent.TYPE ->
				new BlooioMessageReactionEvent(this.source, delivery, json, message);
			case BlooioMessageQueuedEvent.TYPE -> new BlooioMessageQueuedEvent(this.source, delivery, json, message);
			case BlooioMessagePendingEvent.TYPE -> new BlooioMessagePendingEvent(this.source, delivery, json, message);
			default -> new BlooioGenericEvent(this.source, eventType, delivery, json);
		};
	}

	private static WebhookMessage message(JsonNode node) {
		String messageId = text(node, "message_id");
		String groupId = text(node, "group_id");
		JsonNode isGroup = node.get("is_group");
		boolean group = (isGroup != null && isGroup.isBoolean()) ? isGroup.asBoolean() : groupId != null;
		String status = text(node, "status");
		String protocol = text(node, "protocol");
		return new WebhookMessage(messageId, text(node, "external_id"), text(node, "internal_id"),
				text(node, "device_id"), (status != null) ? DeliveryStatus.of(status) : null,
				(protocol != null) ? Protocol.of(protocol) : null, instant(node, "timestamp"), group, groupId,
				text(node, "group_name"), participants(node), text(node, "sender"), text(node, "text"),
				text(node, "formatted_text"), attachments(node), replyTo(node.get("reply_to")),
				instant(node, "received_at"), instant(node, "sent_at"), instant(node, "delivered_at"),
				instant(node, "read_at"), text(node, "error_code"), text(node, "error_message"),
				direction(text(node, "direction")), text(node, "reaction"), lowerCase(text(node, "action")),
				text(node, "original_text"));
	}

	private static List<ContactRef> participants(JsonNode node) {
		List<ContactRef> participants = new ArrayList<>();
		for (JsonNode participant : node.path("participants")) {
			if (participant.isString() && !participant.asString().isBlank()) {
				participants.add(new ContactRef(null, participant.asString(), null));
			}
			else if (participant.isObject()) {
				participants.add(new ContactRef(text(participant, "contact_id"), text(participant, "identifier"),
						text(participant, "name")));
			}
		}
		return participants;
	}

	private static List<Attachment> attachments(JsonNode node) {
		List<Attachment> attachments = new ArrayList<>();
		for (JsonNode attachment : node.path("attachments")) {
			String url = attachment.isString() ? attachment.asString() : text(attachment, "url");
			if (url != null && !url.isBlank()) {
				attachments.add(new Attachment(url, attachment.isObject() ? text(attachment, "name") : null));
			}
		}
		return attachments;
	}

	private static @Nullable ReplyTo replyTo(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode partIndex = node.get("part_index");
		return new ReplyTo(text(node, "message_id"), text(node, "guid"),
				(partIndex != null && partIndex.canConvertToInt()) ? partIndex.asInt() : null);
	}

	private static @Nullable Direction direction(@Nullable String value) {
		if ("inbound".equalsIgnoreCase(value)) {
			return Direction.INBOUND;
		}
		return "outbound".equalsIgnoreCase(value) ? Direction.OUTBOUND : null;
	}

	private static @Nullable String lowerCase(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return text.isBlank() ? null : text;
	}

	private static @Nullable Instant instant(JsonNode node, String field) {
		return BlooioJson.instant(node.get(field));
	}

	/**
	 * A parsed event and the JSON object its fields were read from.
	 */
	record ParsedEvent(BlooioEvent event, JsonNode payload) {

	}

}
