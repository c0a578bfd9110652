package com.blooio.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioMessageEvent;
import com.blooio.spring.webhook.event.BlooioMessageReactionEvent;
import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * Derives the key that identifies one webhook event across Blooio's redeliveries.
 * <p>
 * The v4 envelope id when there is one. Otherwise v2 payloads carry no event id, so a
 * message event is keyed by event type and message id, plus reaction, action, sender and
 * timestamp for reactions (which repeat on one message); other events by type and a
 * digest of the body. A deliberate replay gets its own key, so it is handled even if the
 * original was.
 */
final class DeduplicationKeys {

	private DeduplicationKeys() {
	}

	static String of(WebhookEventParser.ParsedEvent parsed, byte[] body) {
		BlooioEvent event = parsed.event();
		String key = baseKey(event, parsed.payload(), body);
		WebhookDelivery delivery = event.getDelivery();
		return delivery.replay() ? key + "|replay|" + delivery.originalEventId() : key;
	}

	private static String baseKey(BlooioEvent event, JsonNode payload, byte[] body) {
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
