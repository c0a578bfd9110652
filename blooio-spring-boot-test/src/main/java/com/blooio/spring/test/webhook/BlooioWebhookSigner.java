package com.blooio.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Signs webhook bodies as Blooio does, for posting signed events to an application in
 * tests (with {@code WebTestClient}, {@code MockMvc} or any HTTP client).
 * <p>
 * The signature header is {@code t=<unix seconds>,v1=<hex>}, where the hex is the
 * lower-case HMAC-SHA256 of {@code "<t>.<body>"} keyed with the secret's UTF-8 bytes
 * ({@code whsec_} prefix included).
 */
public final class BlooioWebhookSigner {

	/** Header carrying the signature. */
	public static final String SIGNATURE_HEADER = "X-Blooio-Signature";

	/** Header carrying the event type. */
	public static final String EVENT_HEADER = "X-Blooio-Event";

	/** Header carrying the message id. */
	public static final String MESSAGE_ID_HEADER = "X-Blooio-Message-Id";

	private static final String ALGORITHM = "HmacSHA256";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BlooioWebhookSigner() {
	}

	/**
	 * Returns the {@code X-Blooio-Signature} value for a body, signed now.
	 * @param secret the signing secret
	 * @param body the raw body
	 * @return {@code t=<unix seconds>,v1=<hex>}
	 */
	public static String signatureHeader(String secret, byte[] body) {
		return signatureHeader(secret, Instant.now(), body);
	}

	/**
	 * Returns the {@code X-Blooio-Signature} value for a body signed at the given time.
	 * @param secret the signing secret
	 * @param signedAt the signature time (only whole seconds are used)
	 * @param body the raw body
	 * @return {@code t=<unix seconds>,v1=<hex>}
	 */
	public static String signatureHeader(String secret, Instant signedAt, byte[] body) {
		long seconds = signedAt.getEpochSecond();
		return "t=" + seconds + ",v1=" + hmacHex(secret, seconds, body);
	}

	/**
	 * Returns the headers Blooio sends with a webhook: JSON content type, the event and
	 * message id headers (read from the body's {@code event} and {@code message_id} when
	 * present) and a signature made now.
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
			headers.set(EVENT_HEADER, tree.path("event").asString());
		}
		if (tree != null && tree.path("message_id").isString()) {
			headers.set(MESSAGE_ID_HEADER, tree.path("message_id").asString());
		}
		headers.set(SIGNATURE_HEADER, signatureHeader(secret, body));
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

	private static String hmacHex(String secret, long seconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
