package com.blooio.benchmarks.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Makes signed {@code message.received} webhook deliveries as Blooio sends them, each
 * with a message id never used before, so that de-duplication never short-circuits.
 * <p>
 * Signs with the library's {@link WebhookSigner}, as Blooio does:
 * {@code X-Blooio-Signature: t=<unix seconds>,v1=<hex>}, the hex being HMAC-SHA256 over
 * {@code "<t>.<raw body>"} keyed with the secret. One signer serves every thread; it
 * clones a keyed {@code Mac} per signature, so the load generator spends little CPU on
 * it. Thread-safe.
 */
public final class WebhookDeliveries {

	/** The webhook secret every benchmark application is configured with. */
	public static final String SECRET = "whsec_benchmark0123456789abcdefghijklmnop";

	/** The fixture the deliveries are made from. */
	public static final String FIXTURE = "payloads/webhook-message.received.json";

	private static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]*)\"");

	private final byte[] prefix;

	private final byte[] suffix;

	private final String idPrefix;

	private final AtomicLong sequence = new AtomicLong();

	private final WebhookSigner signer = new WebhookSigner(SECRET);

	private WebhookDeliveries(String json) {
		Matcher id = MESSAGE_ID.matcher(json);
		if (!id.find()) {
			throw new IllegalArgumentException("The fixture has no message_id");
		}
		this.prefix = json.substring(0, id.start(1)).getBytes(StandardCharsets.UTF_8);
		this.suffix = json.substring(id.end(1)).getBytes(StandardCharsets.UTF_8);
		// unique across processes and runs, so one server never sees an id twice
		this.idPrefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	/**
	 * Returns deliveries made from the fixture as it is.
	 * @return the deliveries
	 */
	public static WebhookDeliveries fromFixture() {
		return new WebhookDeliveries(readFixture());
	}

	/**
	 * Returns deliveries made from the fixture with its text padded so that each body has
	 * the given size.
	 * @param bodyBytes the body size in bytes
	 * @return the deliveries
	 */
	public static WebhookDeliveries ofSize(int bodyBytes) {
		String json = readFixture();
		WebhookDeliveries probe = new WebhookDeliveries(json);
		int padding = bodyBytes - probe.next().body().length;
		if (padding < 0) {
			throw new IllegalArgumentException("The fixture is larger than " + bodyBytes + " bytes");
		}
		Matcher text = TEXT.matcher(json);
		if (!text.find()) {
			throw new IllegalArgumentException("The fixture has no text");
		}
		String padded = json.substring(0, text.end(1)) + " " + "x".repeat(Math.max(0, padding - 1))
				+ json.substring(text.end(1));
		WebhookDeliveries deliveries = new WebhookDeliveries((padding == 0) ? json : padded);
		int size = deliveries.next().body().length;
		if (size != bodyBytes) {
			throw new IllegalStateException("Padded body has " + size + " bytes, not " + bodyBytes);
		}
		return deliveries;
	}

	private static String readFixture() {
		try (InputStream input = WebhookDeliveries.class.getClassLoader().getResourceAsStream(FIXTURE)) {
			if (input == null) {
				throw new IllegalStateException(FIXTURE + " is missing from the class path");
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes the next delivery, signed now.
	 * @return the delivery
	 */
	public Delivery next() {
		String messageId = this.idPrefix + this.sequence.incrementAndGet();
		byte[] id = messageId.getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[this.prefix.length + id.length + this.suffix.length];
		System.arraycopy(this.prefix, 0, body, 0, this.prefix.length);
		System.arraycopy(id, 0, body, this.prefix.length, id.length);
		System.arraycopy(this.suffix, 0, body, this.prefix.length + id.length, this.suffix.length);
		return new Delivery(messageId, body, this.signer.signatureHeader(Instant.now(), body));
	}

	/**
	 * One signed delivery.
	 *
	 * @param messageId the delivery's unique message id
	 * @param body the raw body
	 * @param signature the {@code X-Blooio-Signature} value
	 */
	public record Delivery(String messageId, byte[] body, String signature) {

		/**
		 * Returns the headers Blooio sends with this delivery.
		 * @return new headers
		 */
		public HttpHeaders headers() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setContentLength(this.body.length);
			headers.set(WebhookSigner.SIGNATURE_HEADER, this.signature);
			headers.set(BlooioWebhook.EVENT_HEADER, "message.received");
			headers.set(BlooioWebhook.MESSAGE_ID_HEADER, this.messageId);
			return headers;
		}

	}

}
