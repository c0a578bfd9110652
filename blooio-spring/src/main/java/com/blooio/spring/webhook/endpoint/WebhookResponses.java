package com.blooio.spring.webhook.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.blooio.spring.webhook.WebhookOutcome;

/**
 * The answer bodies of both web stacks, encoded once: written as they are, they cost the
 * endpoints no JSON encoding and no message writer or converter lookup per delivery.
 */
final class WebhookResponses {

	private static final Map<WebhookOutcome, byte[]> BODIES = encodeAll();

	private WebhookResponses() {
	}

	/**
	 * Returns {@link WebhookOutcome#responseBody()} as UTF-8. Shared; never modify it.
	 */
	static byte[] body(WebhookOutcome outcome) {
		return BODIES.get(outcome);
	}

	private static Map<WebhookOutcome, byte[]> encodeAll() {
		Map<WebhookOutcome, byte[]> bodies = new EnumMap<>(WebhookOutcome.class);
		for (WebhookOutcome outcome : WebhookOutcome.values()) {
			bodies.put(outcome, outcome.responseBody().getBytes(StandardCharsets.UTF_8));
		}
		return bodies;
	}

}
