package com.blooio.spring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.signature.WebhookSignatureException;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Turns one Blooio webhook delivery into its typed event, for applications that receive
 * webhooks without the starter's endpoint (any web framework, a queue, a serverless
 * function): the signature is verified over the exact bytes received, then the body is
 * parsed. <pre class="code">
 * BlooioEvent event = BlooioWebhook.constructEvent(body, request.getHeader(WebhookSigner.SIGNATURE_HEADER), secret);
 * if (event instanceof BlooioMessageReceivedEvent received) {
 *     ...
 * }
 * </pre> Only the signed body decides the event: its type and ids are never taken from
 * other headers. Publishing, de-duplication and answering Blooio are the caller's job;
 * {@link BlooioWebhookHandler} does all of that for Spring applications.
 * <p>
 * Also names the headers Blooio sends with a delivery. Thread-safe.
 *
 * @since 0.1.0
 */
public final class BlooioWebhook {

	/** Header naming the event type (not signed). */
	public static final String EVENT_HEADER = "X-Blooio-Event";

	/** Header naming the message an event is about (not signed). */
	public static final String MESSAGE_ID_HEADER = "X-Blooio-Message-Id";

	/** Header marking a deliberate replay of an earlier event (not signed). */
	public static final String REPLAY_HEADER = "X-Blooio-Replay";

	/** Header naming the event a replay repeats (not signed). */
	public static final String ORIGINAL_EVENT_ID_HEADER = "X-Original-Event-Id";

	private static final HttpHeaders NO_HEADERS = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

	private final WebhookSignatureVerifier verifier;

	private final WebhookEventParser parser = new WebhookEventParser(this);

	/**
	 * Creates an instance that verifies with the given verifier; keep it to verify many
	 * deliveries with the same secrets.
	 * @param verifier the signature verifier
	 */
	public BlooioWebhook(WebhookSignatureVerifier verifier) {
		if (verifier == null) {
			throw new IllegalArgumentException("verifier must not be null");
		}
		this.verifier = verifier;
	}

	/**
	 * Verifies a delivery signed with the given secret, within the default tolerance of
	 * five minutes, and returns its event.
	 * @param payload the raw request body, exactly as received
	 * @param signatureHeader the {@value WebhookSigner#SIGNATURE_HEADER} value, or
	 * {@code null} when the request had none
	 * @param secret the signing secret ({@code whsec_...})
	 * @return the event
	 * @throws WebhookSignatureException if the signature is missing, forged or stale
	 * @throws MalformedWebhookException if the verified body is not a webhook event
	 */
	public static BlooioEvent constructEvent(byte[] payload, @Nullable String signatureHeader, String secret) {
		return constructEvent(payload, signatureHeader, secret, WebhookSignatureVerifier.DEFAULT_TOLERANCE);
	}

	/**
	 * Verifies a delivery signed with the given secret and returns its event.
	 * @param payload the raw request body, exactly as received
	 * @param signatureHeader the {@value WebhookSigner#SIGNATURE_HEADER} value, or
	 * {@code null} when the request had none
	 * @param secret the signing secret ({@code whsec_...})
	 * @param tolerance how far the signature time may be from now, either way
	 * @return the event
	 * @throws WebhookSignatureException if the signature is missing, forged or stale
	 * @throws MalformedWebhookException if the verified body is not a webhook event
	 */
	public static BlooioEvent constructEvent(byte[] payload, @Nullable String signatureHeader, String secret,
			Duration tolerance) {
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(secret), tolerance, Clock.systemUTC());
		return new BlooioWebhook(verifier).constructEvent(payload, signatureHeader);
	}

	/**
	 * Verifies a delivery and returns its event.
	 * @param payload the raw request body, exactly as received
	 * @param signatureHeader the {@value WebhookSigner#SIGNATURE_HEADER} value, or
	 * {@code null} when the request had none
	 * @return the event
	 * @throws WebhookSignatureException if the signature is missing, forged or stale
	 * @throws MalformedWebhookException if the verified body is not a webhook event
	 */
	public BlooioEvent constructEvent(byte[] payload, @Nullable String signatureHeader) {
		Instant signedAt = this.verifier.verify(signatureHeader, payload);
		return this.parser.parse(payload, NO_HEADERS, signedAt).event();
	}

}
