package com.blooio.spring.webhook.signature;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Verifies Blooio's webhook signatures. Plain Java, usable without Spring.
 * <p>
 * Blooio sends {@code X-Blooio-Signature: t=<unix seconds>,v1=<hex>}, signed as
 * {@link WebhookSigner} describes. Verification works on the exact bytes received, before
 * any JSON parsing. The header is read tolerantly (spaces, several {@code v1} values of
 * which any may match, unknown schemes ignored, hex in either case); signatures are
 * compared in constant time; the timestamp must lie within the tolerance on either side
 * of now.
 * <p>
 * Several secrets may be given, the current one first, so a secret can be rotated without
 * rejecting deliveries signed with the previous one. Thread-safe.
 *
 * @since 0.1.0
 */
public final class WebhookSignatureVerifier {

	/** Default timestamp tolerance. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	private volatile List<WebhookSigner> signers;

	private final Set<String> secrets = new HashSet<>();

	private final Duration tolerance;

	private final Clock clock;

	/**
	 * Creates a verifier with the default tolerance and the system clock.
	 * @param secrets the signing secrets, current first; at least one
	 */
	public WebhookSignatureVerifier(List<String> secrets) {
		this(secrets, DEFAULT_TOLERANCE, Clock.systemUTC());
	}

	/**
	 * Creates a verifier.
	 * @param secrets the signing secrets, current first; at least one
	 * @param tolerance how far the signature timestamp may be from now, either way
	 * @param clock the clock giving now
	 */
	public WebhookSignatureVerifier(List<String> secrets, Duration tolerance, Clock clock) {
		this(tolerance, clock, requireSecrets(secrets));
	}

	private WebhookSignatureVerifier(Duration tolerance, Clock clock, List<String> secrets) {
		if (tolerance == null || tolerance.isNegative()) {
			throw new IllegalArgumentException("tolerance must not be negative");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock must not be null");
		}
		this.signers = secrets.stream().map(WebhookSigner::new).toList();
		this.secrets.addAll(secrets);
		this.tolerance = tolerance;
		this.clock = clock;
	}

	/**
	 * Creates a verifier that knows no secret yet and so refuses every delivery until
	 * {@link #trust(String)} gives it one: for a subscription the application creates,
	 * and learns the secret of, after it has started.
	 * @param tolerance how far the signature timestamp may be from now, either way
	 * @param clock the clock giving now
	 * @return the verifier
	 */
	public static WebhookSignatureVerifier awaitingSecret(Duration tolerance, Clock clock) {
		return new WebhookSignatureVerifier(tolerance, clock, List.of());
	}

	/**
	 * Accepts signatures made with another secret from now on, next to those it already
	 * accepts; a secret it knows already changes nothing.
	 * @param secret the signing secret
	 */
	public synchronized void trust(String secret) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("secret must not be empty");
		}
		if (this.secrets.add(secret)) {
			List<WebhookSigner> signers = new ArrayList<>(this.signers);
			signers.add(0, new WebhookSigner(secret));
			this.signers = List.copyOf(signers);
		}
	}

	private static List<String> requireSecrets(List<String> secrets) {
		if (secrets == null || secrets.isEmpty() || secrets.stream().anyMatch((s) -> s == null || s.isEmpty())) {
			throw new IllegalArgumentException("At least one non-empty webhook secret is required");
		}
		return secrets;
	}

	/**
	 * Verifies a delivery.
	 * @param signatureHeader the {@code X-Blooio-Signature} value, or {@code null}
	 * @param body the raw request body, exactly as received
	 * @return the signature's timestamp
	 * @throws WebhookSignatureException if the delivery must be rejected
	 */
	public Instant verify(@Nullable String signatureHeader, byte[] body) {
		if (signatureHeader == null || signatureHeader.isBlank()) {
			throw new WebhookSignatureException(SignatureFailure.MISSING_HEADER,
					"Webhook has no " + WebhookSigner.SIGNATURE_HEADER + " header");
		}
		ParsedHeader header = ParsedHeader.parse(signatureHeader);
		if (!anySignatureMatches(header.signatures, header.timestamp, body)) {
			throw new WebhookSignatureException(SignatureFailure.BAD_SIGNATURE,
					"Webhook signature matches no configured secret");
		}
		Instant signedAt = Instant.ofEpochSecond(header.timestamp);
		Duration age = Duration.between(signedAt, this.clock.instant()).abs();
		if (age.compareTo(this.tolerance) > 0) {
			throw new WebhookSignatureException(SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE,
					"Webhook signature timestamp is " + age.toSeconds() + " s from now, more than the tolerance of "
							+ this.tolerance.toSeconds() + " s");
		}
		return signedAt;
	}

	private boolean anySignatureMatches(List<byte[]> signatures, long timestamp, byte[] body) {
		boolean matched = false;
		for (WebhookSigner signer : this.signers) {
			byte[] expected = signer.sign(timestamp, body);
			for (byte[] signature : signatures) {
				// no early exit: the time taken does not tell which secret or value
				// matched
				matched |= MessageDigest.isEqual(expected, signature);
			}
		}
		return matched;
	}

	/**
	 * The parts of a signature header: one timestamp and the {@code v1} signatures.
	 */
	private record ParsedHeader(long timestamp, List<byte[]> signatures) {

		static ParsedHeader parse(String value) {
			Long timestamp = null;
			List<byte[]> signatures = new ArrayList<>(1);
			for (String element : value.split(",")) {
				int equals = element.indexOf('=');
				if (equals <= 0) {
					continue;
				}
				String scheme = element.substring(0, equals).trim();
				String content = element.substring(equals + 1).trim();
				if (scheme.equals("t")) {
					timestamp = parseTimestamp(content);
				}
				else if (scheme.equals("v1")) {
					byte[] signature = parseHex(content);
					if (signature != null) {
						signatures.add(signature);
					}
				}
			}
			if (timestamp == null || signatures.isEmpty()) {
				throw new WebhookSignatureException(SignatureFailure.MALFORMED_HEADER,
						"Webhook " + WebhookSigner.SIGNATURE_HEADER + " header needs t=<unix seconds> and v1=<hex>");
			}
			return new ParsedHeader(timestamp, signatures);
		}

		private static @Nullable Long parseTimestamp(String content) {
			if (content.isEmpty() || content.length() > 12 || !isDigits(content)) {
				return null;
			}
			return Long.parseLong(content);
		}

		private static boolean isDigits(String content) {
			for (int i = 0; i < content.length(); i++) {
				if (content.charAt(i) < '0' || content.charAt(i) > '9') {
					return false;
				}
			}
			return true;
		}

		private static byte @Nullable [] parseHex(String content) {
			if (content.length() != WebhookSigner.SIGNATURE_BYTES * 2) {
				return null;
			}
			try {
				return HexFormat.of().parseHex(content);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
