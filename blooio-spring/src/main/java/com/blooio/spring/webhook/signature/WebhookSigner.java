package com.blooio.spring.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs webhook bodies as Blooio does: HMAC-SHA256 over {@code "<t>.<raw body>"}, keyed
 * with the secret's UTF-8 bytes ({@code whsec_} prefix included), where {@code t} is the
 * signing time in Unix seconds. The header value is {@code t=<t>,v1=<lower-case hex>}.
 * <p>
 * The one implementation of the scheme: {@link WebhookSignatureVerifier} checks
 * deliveries with it, and tests, the simulator and benchmarks sign with it.
 * <pre class="code">
 * String header = WebhookSigner.signatureHeader(secret, Instant.now(), body);
 * </pre> Thread-safe; {@link #toString()} never shows the secret.
 *
 * @since 0.1.0
 */
public final class WebhookSigner {

	/** Header carrying the signature. */
	public static final String SIGNATURE_HEADER = "X-Blooio-Signature";

	/**
	 * Alternative name of the signature header, read when {@value #SIGNATURE_HEADER} is
	 * absent.
	 */
	public static final String ALTERNATIVE_SIGNATURE_HEADER = "Blooio-Signature";

	/** Length of a signature in bytes. */
	static final int SIGNATURE_BYTES = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private final byte[] key;

	/**
	 * An initialized {@link Mac}, created on the first signature rather than by the
	 * constructor (looking up the JCA provider is a noticeable part of application
	 * start-up) and cloned for each one, so that the key is set up once.
	 */
	private volatile @Nullable Mac prototype;

	/**
	 * Creates a signer.
	 * @param secret the signing secret, e.g. {@code whsec_...}; not empty
	 */
	public WebhookSigner(String secret) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("secret must not be empty");
		}
		this.key = secret.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns the signature header value for a body signed at the given time.
	 * @param secret the signing secret
	 * @param signedAt the signing time (only whole seconds are used)
	 * @param body the raw body
	 * @return {@code t=<unix seconds>,v1=<hex>}
	 */
	public static String signatureHeader(String secret, Instant signedAt, byte[] body) {
		return new WebhookSigner(secret).signatureHeader(signedAt, body);
	}

	/**
	 * Returns the signature header value for a body signed at the given time.
	 * @param signedAt the signing time (only whole seconds are used)
	 * @param body the raw body
	 * @return {@code t=<unix seconds>,v1=<hex>}
	 */
	public String signatureHeader(Instant signedAt, byte[] body) {
		long timestamp = signedAt.getEpochSecond();
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, body));
	}

	/**
	 * Returns the raw signature of a body: the HMAC-SHA256 of {@code "<t>.<body>"}.
	 * @param timestamp the signing time in Unix seconds
	 * @param body the raw body
	 * @return the 32 signature bytes
	 */
	public byte[] sign(long timestamp, byte[] body) {
		Mac mac = copyOf(prototype());
		mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
		mac.update(body);
		return mac.doFinal();
	}

	private Mac prototype() {
		Mac prototype = this.prototype;
		if (prototype == null) {
			// a race initializes an extra Mac at most; each is complete before it is
			// shared
			prototype = initializedMac(this.key);
			this.prototype = prototype;
		}
		return prototype;
	}

	private static Mac initializedMac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static Mac copyOf(Mac prototype) {
		try {
			return (Mac) prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 provider does not support cloning", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSigner{HmacSHA256}";
	}

}
