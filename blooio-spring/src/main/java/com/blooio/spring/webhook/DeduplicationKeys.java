package com.blooio.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioMessageEvent;
import com.blooio.spring.webhook.event.BlooioMessageReactionEvent;

/**
 * Derives the key that identifies one webhook event across Blooio's redeliveries.
 * <p>
 * Read from the verified body only, never from a header, so that nobody holding one
 * captured delivery can make it count as another: the v4 envelope id when there is one;
 * otherwise (v2 payloads carry no event id) a message event is keyed by event type and
 * message id, plus reaction, action, sender and timestamp for reactions (which repeat on
 * one message), and other events by type and a digest of the body.
 */
final class DeduplicationKeys {

	private DeduplicationKeys() {
	}

	static String of(WebhookEventParser.ParsedEvent parsed, byte[] body) {
		return key(parsed.event(), parsed.payload(), body);
	}

	private static String key(BlooioEvent event, JsonNode payload, byte[] body) {
		String eventId = event.getDelivery().eventId();
		if (eventId != null) {
			return "id|" + eventId;
		}
		if (event instanceof BlooioMessageEvent message && message.getMessageId() != null) {
			String key = event.getEventType() + "|" + message.getMessageId();
			if (event instanceof BlooioMessageReactionEvent) {
				key += "|" + WebhookEventParser.text(payload, "reaction") + "|"
						+ WebhookEventParser.text(payload, "action") + "|" + WebhookEventParser.text(payload, "sender")
						+ "|" + WebhookEventParser.text(payload, "timestamp");
			}
			return key;
		}
		return event.getEventType() + "|sha256|" + sha256(body);
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
