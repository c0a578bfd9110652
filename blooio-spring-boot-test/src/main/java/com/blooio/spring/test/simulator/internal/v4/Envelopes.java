package com.blooio.spring.test.simulator.internal.v4;

import java.util.LinkedHashMap;
import java.util.Map;

import com.blooio.spring.test.simulator.V4Envelope;

/**
 * The JSON of events: as the feed lists them (the document's {@code Event}), as
 * {@code GET /chats/{chatId}/messages/{messageId}/events} lists them
 * ({@code MessageEvent}), and as webhooks deliver them, in the envelope shape selected.
 */
final class Envelopes {

	private final String organizationId;

	private volatile V4Envelope shape = V4Envelope.DOCUMENT;

	Envelopes(String organizationId) {
		this.organizationId = organizationId;
	}

	V4Envelope shape() {
		return this.shape;
	}

	void shape(V4Envelope shape) {
		this.shape = shape;
	}

	Map<String, Object> delivered(V4Event event) {
		if (this.shape == V4Envelope.GUIDES) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", event.id());
			json.put("type", event.type());
			json.put("created_at", event.occurredAt());
			json.put("organization_id", this.organizationId);
			json.put("data", event.data());
			return json;
		}
		return listed(event);
	}

	static Map<String, Object> listed(V4Event event) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", event.id());
		json.put("type", event.type());
		json.put("message_id", event.messageId());
		json.put("chat_id", event.chatId());
		json.put("channel_type", V4Event.CHANNEL_TYPE);
		json.put("occurred_at", event.occurredAt());
		json.put("data", event.data());
		return json;
	}

	static Map<String, Object> messageEvent(V4Event event) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", event.id());
		json.put("message_id", event.messageId());
		json.put("kind", event.type().substring(event.type().indexOf('.') + 1));
		json.put("occurred_at", event.occurredAt());
		json.put("metadata", event.data());
		return json;
	}

	void reset() {
		this.shape = V4Envelope.DOCUMENT;
	}

}
