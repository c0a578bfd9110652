package com.blooio.spring.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookSigner}, against a vector computed with Python's standard
 * library: {@code hmac.new(SECRET, b'1735324800.' + BODY, hashlib.sha256).hexdigest()}.
 */
class WebhookSignerTests {

	private static final String SECRET = "whsec_a1b2c3d4e5f6789012345678901234567890abcdef";

	private static final Instant SIGNED_AT = Instant.ofEpochSecond(1735324800L);

	private static final byte[] BODY = "{\"event\":\"message.received\",\"message_id\":\"CZIsqG9ZWd9gwjIEhZpHY\",\"text\":\"hi\"}"
		.getBytes(StandardCharsets.UTF_8);

	private static final String BODY_SIGNATURE = "ec8bf93ffe67c0f9bae3cb08d0db7a5c5a1231da435147bc9401a1751edd5344";

	@Test
	void signMatchesIndependentVector() {
		byte[] signature = new WebhookSigner(SECRET).sign(SIGNED_AT.getEpochSecond(), BODY);
		assertThat(HexFormat.of().formatHex(signature)).isEqualTo(BODY_SIGNATURE);
	}

	@Test
	void signatureHeaderHasTimestampAndLowerCaseHex() {
		assertThat(WebhookSigner.signatureHeader(SECRET, SIGNED_AT, BODY))
			.isEqualTo("t=1735324800,v1=" + BODY_SIGNATURE);
	}

	@Test
	void signatureHeaderIgnoresFractionsOfASecond() {
		assertThat(WebhookSigner.signatureHeader(SECRET, SIGNED_AT.plusMillis(999), BODY))
			.isEqualTo("t=1735324800,v1=" + BODY_SIGNATURE);
	}

	@Test
	void repeatedSignaturesWithOneSignerAreEqual() {
		WebhookSigner signer = new WebhookSigner(SECRET);
		assertThat(signer.signatureHeader(SIGNED_AT, BODY)).isEqualTo(signer.signatureHeader(SIGNED_AT, BODY));
	}

	@Test
	void signatureVerifiesWithVerifierOfSameSecret() {
		String header = WebhookSigner.signatureHeader(SECRET, Instant.now(), BODY);
		assertThat(new WebhookSignatureVerifier(List.of(SECRET)).verify(header, BODY)).isNotNull();
	}

	@Test
	void emptySecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSigner(""));
	}

	@Test
	void toStringDoesNotShowSecret() {
		assertThat(new WebhookSigner(SECRET)).hasToString("WebhookSigner{HmacSHA256}");
	}

}
