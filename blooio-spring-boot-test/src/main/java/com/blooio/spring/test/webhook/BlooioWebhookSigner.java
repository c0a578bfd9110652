package com.blooio.spring.test.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Signs webhook bodies as Blooio does, for posting signed events to an application in
 * tests (with {@code WebTestClient}, {@code MockMvc} or any HTTP client).
 * <p>
 * The signature header ({@value WebhookSigner#SIGNATURE_HEADER}) is
 * {@code t=<unix seconds>,v1=<hex>}, where the hex is the lower-case HMAC-SHA256 of
 * {@code "<t>.<body>"} keyed with the secret's UTF-8 bytes ({@code whsec_} prefix
 * included). The signature itself is made by the library's {@link WebhookSigner}, the
 * same scheme the application verifies with; the header names are those of
 * {@link WebhookSigner} and {@link BlooioWebhook}.
 *
 * @since 0.1.0
 */
public final class BlooioWebhookSigner {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BlooioWebhookSigner() {
	}

	/**
	 * Returns the {@value WebhookSigner#SIGNATURE_HEADER} value for a body, signed now.
	 * @param secret the signing secret
	 * @param body the raw body
	 * @return {@code t=<unix seconds>,v1=<hex>}
	 */
	public static String signatureHeader(String secret, byte[] body) {
		return signatureHeader(secret, Instant.now(), body);
	}

	/**
	 * Returns the {@value WebhookSigner#SIGNATURE_HEADER} value for a body signed at the
	 * given time.
	 * @param secret the signing secret
	 * @param signedAt the signature time (only whole seconds are used)
	 * @param body the raw body
	 * @return {@code t=<unix seconds>,v1=<hex>}
	 */
	public static String signatureHeader(String secret, Instant signedAt, byte[] body) {
		return WebhookSigner.signatureHeader(secret, signedAt, body);
	}

	/**
	 * Returns the headers Blooio sends with a webhook: JSON content type, the
	 * {@value BlooioWebhook#EVENT_HEADER} and {@value BlooioWebhook#MESSAGE_ID_HEADER}
	 * headers (read from the body's {@code event} and {@code message_id} when present)
	 * and a signature made now.
	 * @param secret the signing secret
	 * @param json the body; post exactly these characters, UTF-8 encoded
	 * @return the headers
	 */
	public static HttpHeaders headers(String secret, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		JsonNode tree = readOrNull(json);
		if (tree != null && tree.path("event").isString()) {
			headers.set(BlooioWebhook.EVENT_HEADER, tree.path("event").asString());
		}
		if (tree != null && tree.path("message_id").isString()) {
			headers.set(BlooioWebhook.MESSAGE_ID_HEADER, tree.path("message_id").asString());
		}
		headers.set(WebhookSigner.SIGNATURE_HEADER, signatureHeader(secret, body));
		return headers;
	}

	private static @Nullable JsonNode readOrNull(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
