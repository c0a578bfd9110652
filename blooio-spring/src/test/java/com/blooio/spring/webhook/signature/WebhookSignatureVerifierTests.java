package com.blooio.spring.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link WebhookSignatureVerifier}.
 * <p>
 * The {@code *_SIGNATURE} constants were computed independently of Java with Python's
 * standard library:
 *
 * <pre>
 * hmac.new(key, b'1735324800.' + body, hashlib.sha256).hexdigest()
 * </pre>
 *
 * where {@code key} is the UTF-8 secret as written (prefix included unless noted) and
 * {@code body} the UTF-8 bytes of the body constant.
 */
class WebhookSignatureVerifierTests {

	private static final String SECRET = "whsec_a1b2c3d4e5f6789012345678901234567890abcdef";

	private static final String PREVIOUS_SECRET = "whsec_00112233445566778899aabbccddeeff00112233";

	private static final long NOW_SECONDS = 1735324800L;

	private static final Instant NOW = Instant.ofEpochSecond(NOW_SECONDS);

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final byte[] BODY = "{\"event\":\"message.received\",\"message_id\":\"CZIsqG9ZWd9gwjIEhZpHY\",\"text\":\"hi\"}"
		.getBytes(StandardCharsets.UTF_8);

	/** "Café 🎉 naïve": 2-byte and 4-byte UTF-8 sequences. */
	private static final byte[] UNICODE_BODY = "{\"event\":\"message.received\",\"message_id\":\"m1\",\"text\":\"Caf\u00e9 \uD83C\uDF89 na\u00efve\"}"
		.getBytes(StandardCharsets.UTF_8);

	/** Python: key SECRET, body BODY. */
	private static final String BODY_SIGNATURE = "ec8bf93ffe67c0f9bae3cb08d0db7a5c5a1231da435147bc9401a1751edd5344";

	/** Python: key SECRET, body UNICODE_BODY. */
	private static final String UNICODE_BODY_SIGNATURE = "c674ceb868b041685af1a8381803e53e92af95404a7c757e9dad519643f66e0d";

	/** Python: key PREVIOUS_SECRET, body BODY. */
	private static final String PREVIOUS_SECRET_SIGNATURE = "cf00045082f00b56050d443850bb58abd276805f92d594e875e1aff474338840";

	/** Python: key SECRET without its "whsec_" prefix, body BODY. */
	private static final String UNPREFIXED_SECRET_SIGNATURE = "48950119e5ff7aff0c0063c55c6e52c57794d61f5c814d97b138e340c15ceb29";

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(SECRET),
			WebhookSignatureVerifier.DEFAULT_TOLERANCE, CLOCK);

	@Test
	void independentVectorAgreesWithSigner() {
		assertThat(hmacHex(SECRET, NOW_SECONDS, BODY)).isEqualTo(BODY_SIGNATURE);
	}

	@Test
	void validSignaturePassesAndReturnsTimestamp() {
		Instant signedAt = this.verifier.verify("t=1735324800,v1=" + BODY_SIGNATURE, BODY);
		assertThat(signedAt).isEqualTo(NOW);
	}

	@Test
	void nonAsciiBodyIsVerifiedOverItsExactUtf8Bytes() {
		assertThat(this.verifier.verify("t=1735324800,v1=" + UNICODE_BODY_SIGNATURE, UNICODE_BODY)).isEqualTo(NOW);
	}

	@Test
	void bodyWithOneByteChangedIsBadSignature() {
		byte[] tampered = BODY.clone();
		tampered[tampered.length - 3] ^= 0x01;
		assertFailure("t=1735324800,v1=" + BODY_SIGNATURE, tampered, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void nonAsciiBodyWithOneByteChangedIsBadSignature() {
		byte[] tampered = UNICODE_BODY.clone();
		// inside the emoji's 4-byte sequence
		int emoji = indexOf(tampered, (byte) 0xF0);
		tampered[emoji + 3] ^= 0x01;
		assertFailure("t=1735324800,v1=" + UNICODE_BODY_SIGNATURE, tampered, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void wrongSecretIsBadSignature() {
		String header = WebhookSigner.signatureHeader("whsec_not_the_right_one", Instant.ofEpochSecond(NOW_SECONDS),
				BODY);
		assertFailure(header, BODY, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void signatureMadeWithSecretWithoutPrefixIsBadSignature() {
		assertFailure("t=1735324800,v1=" + UNPREFIXED_SECRET_SIGNATURE, BODY, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void secretIsUsedWithItsPrefixSoVerifierGivenSecretWithoutPrefixRejectsGenuineSignature() {
		WebhookSignatureVerifier unprefixed = new WebhookSignatureVerifier(List.of(SECRET.substring(6)),
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, CLOCK);
		assertFailure(unprefixed, "t=1735324800,v1=" + BODY_SIGNATURE, BODY, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void signatureWithTimestampOfOtherSecondIsBadSignature() {
		// the signature is over "1735324800.<body>", the header claims another time
		assertFailure("t=1735324801,v1=" + BODY_SIGNATURE, BODY, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void uppercaseHexPasses() {
		assertThat(this.verifier.verify("t=1735324800,v1=" + BODY_SIGNATURE.toUpperCase(Locale.ROOT), BODY))
			.isEqualTo(NOW);
	}

	@Test
	void spacesAfterCommasPass() {
		assertThat(this.verifier.verify("t=1735324800, v1=" + BODY_SIGNATURE, BODY)).isEqualTo(NOW);
	}

	@Test
	void spacesAroundElementsAndEqualsSignsPass() {
		assertThat(this.verifier.verify("  t = 1735324800 ,  v1 = " + BODY_SIGNATURE + "  ", BODY)).isEqualTo(NOW);
	}

	@Test
	void elementsInAnyOrderPass() {
		assertThat(this.verifier.verify("v1=" + BODY_SIGNATURE + ",t=1735324800", BODY)).isEqualTo(NOW);
	}

	@Test
	void severalV1ValuesPassWhenSecondMatches() {
		String other = hmacHex("whsec_other", NOW_SECONDS, BODY);
		assertThat(this.verifier.verify("t=1735324800,v1=" + other + ",v1=" + BODY_SIGNATURE, BODY)).isEqualTo(NOW);
	}

	@Test
	void severalV1ValuesWhereNoneMatchesIsBadSignature() {
		String first = hmacHex("whsec_other", NOW_SECONDS, BODY);
		String second = hmacHex("whsec_another", NOW_SECONDS, BODY);
		assertFailure("t=1735324800,v1=" + first + ",v1=" + second, BODY, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void malformedV1NextToValidV1IsIgnored() {
		assertThat(this.verifier.verify("t=1735324800,v1=zz,v1=" + BODY_SIGNATURE, BODY)).isEqualTo(NOW);
	}

	@Test
	void unknownSchemeAlongsideValidV1IsIgnored() {
		assertThat(this.verifier.verify("t=1735324800,v0=" + "ab".repeat(32) + ",v1=" + BODY_SIGNATURE, BODY))
			.isEqualTo(NOW);
	}

	@Test
	void unknownSchemeCarryingValidSignatureDoesNotCountAsV1() {
		assertFailure("t=1735324800,v0=" + BODY_SIGNATURE, BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void nullHeaderIsMissingHeader() {
		assertFailure(null, BODY, SignatureFailure.MISSING_HEADER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void blankHeaderIsMissingHeader(String header) {
		assertFailure(header, BODY, SignatureFailure.MISSING_HEADER);
	}

	@Test
	void headerWithoutTimestampIsMalformed() {
		assertFailure("v1=" + BODY_SIGNATURE, BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void headerWithoutV1IsMalformed() {
		assertFailure("t=1735324800", BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void nonNumericTimestampIsMalformed() {
		assertFailure("t=abc,v1=" + BODY_SIGNATURE, BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void negativeTimestampIsMalformed() {
		assertFailure("t=-1735324800,v1=" + BODY_SIGNATURE, BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void absurdlyLongTimestampIsMalformed() {
		assertFailure("t=99999999999999999999999,v1=" + BODY_SIGNATURE, BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void v1OneHexDigitShortIsMalformed() {
		assertFailure("t=1735324800,v1=" + BODY_SIGNATURE.substring(1), BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void v1OneHexDigitTooLongIsMalformed() {
		assertFailure("t=1735324800,v1=" + BODY_SIGNATURE + "0", BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void v1OfRightLengthButNotHexIsMalformed() {
		assertFailure("t=1735324800,v1=" + "zz".repeat(32), BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void emptyV1IsMalformed() {
		assertFailure("t=1735324800,v1=", BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", ",,,", "=,=", "t1735324800v1", "sha256=abcdef", "Bearer abc.def" })
	void garbageHeaderIsMalformed(String header) {
		assertFailure(header, BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void wholeHeaderSentAsBareHexIsMalformed() {
		// the contradicting sample in the docs (HMAC over the body compared to the
		// header)
		assertFailure(BODY_SIGNATURE, BODY, SignatureFailure.MALFORMED_HEADER);
	}

	@Test
	void timestampExactlyToleranceInThePastPasses() {
		long t = NOW_SECONDS - 300;
		assertThat(this.verifier.verify(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(t), BODY), BODY))
			.isEqualTo(Instant.ofEpochSecond(t));
	}

	@Test
	void timestampExactlyToleranceInTheFuturePasses() {
		long t = NOW_SECONDS + 300;
		assertThat(this.verifier.verify(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(t), BODY), BODY))
			.isEqualTo(Instant.ofEpochSecond(t));
	}

	@Test
	void timestampOneSecondBeyondToleranceInThePastIsOutOfTolerance() {
		assertFailure(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(NOW_SECONDS - 301), BODY), BODY,
				SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void timestampOneSecondBeyondToleranceInTheFutureIsOutOfTolerance() {
		assertFailure(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(NOW_SECONDS + 301), BODY), BODY,
				SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void staleTimestampWithWrongSignatureIsBadSignatureNotStale() {
		String header = WebhookSigner.signatureHeader("whsec_wrong", Instant.ofEpochSecond(NOW_SECONDS - 3600), BODY);
		assertFailure(header, BODY, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void zeroTimestampIsOutOfTolerance() {
		assertFailure(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(0), BODY), BODY,
				SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void verifierWithCurrentAndPreviousSecretAcceptsCurrent() {
		WebhookSignatureVerifier rotating = new WebhookSignatureVerifier(List.of(SECRET, PREVIOUS_SECRET),
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, CLOCK);
		assertThat(rotating.verify("t=1735324800,v1=" + BODY_SIGNATURE, BODY)).isEqualTo(NOW);
	}

	@Test
	void verifierWithCurrentAndPreviousSecretAcceptsPrevious() {
		WebhookSignatureVerifier rotating = new WebhookSignatureVerifier(List.of(SECRET, PREVIOUS_SECRET),
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, CLOCK);
		assertThat(rotating.verify("t=1735324800,v1=" + PREVIOUS_SECRET_SIGNATURE, BODY)).isEqualTo(NOW);
	}

	@Test
	void verifierWithOnlyCurrentSecretRejectsPrevious() {
		assertFailure("t=1735324800,v1=" + PREVIOUS_SECRET_SIGNATURE, BODY, SignatureFailure.BAD_SIGNATURE);
	}

	@Test
	void customToleranceAcceptsTimestampAtItsEdge() {
		WebhookSignatureVerifier strict = new WebhookSignatureVerifier(List.of(SECRET), Duration.ofSeconds(30), CLOCK);
		assertThat(strict.verify(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(NOW_SECONDS - 30), BODY),
				BODY))
			.isEqualTo(Instant.ofEpochSecond(NOW_SECONDS - 30));
	}

	@Test
	void customToleranceRejectsTimestampTheDefaultWouldAccept() {
		WebhookSignatureVerifier strict = new WebhookSignatureVerifier(List.of(SECRET), Duration.ofSeconds(30), CLOCK);
		assertFailure(strict, WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(NOW_SECONDS - 31), BODY),
				BODY, SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void customToleranceAcceptsTimestampTheDefaultWouldReject() {
		WebhookSignatureVerifier lenient = new WebhookSignatureVerifier(List.of(SECRET), Duration.ofHours(1), CLOCK);
		long t = NOW_SECONDS - 3600;
		assertThat(lenient.verify(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(t), BODY), BODY))
			.isEqualTo(Instant.ofEpochSecond(t));
	}

	@Test
	void zeroToleranceAcceptsOnlyTheCurrentSecond() {
		WebhookSignatureVerifier exact = new WebhookSignatureVerifier(List.of(SECRET), Duration.ZERO, CLOCK);
		assertThat(exact.verify("t=1735324800,v1=" + BODY_SIGNATURE, BODY)).isEqualTo(NOW);
		assertFailure(exact, WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(NOW_SECONDS - 1), BODY), BODY,
				SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void verifierCanBeReusedAfterFailure() {
		assertFailure("t=1735324800,v1=" + PREVIOUS_SECRET_SIGNATURE, BODY, SignatureFailure.BAD_SIGNATURE);
		assertThat(this.verifier.verify("t=1735324800,v1=" + BODY_SIGNATURE, BODY)).isEqualTo(NOW);
		assertThat(this.verifier.verify("t=1735324800,v1=" + BODY_SIGNATURE, BODY)).isEqualTo(NOW);
	}

	@Test
	void exceptionMessagesNeverContainSecretSignatureOrBody() {
		String text = "super secret order text";
		byte[] body = ("{\"event\":\"message.received\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
		String goodHex = hmacHex(SECRET, NOW_SECONDS, body);
		String wrongHex = hmacHex("whsec_wrong", NOW_SECONDS, body);
		String staleHeader = WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(NOW_SECONDS - 3600), body);
		String staleHex = staleHeader.substring(staleHeader.indexOf("v1=") + 3);
		List<String> headers = List.of("t=1735324800,v1=" + wrongHex, staleHeader, "t=abc,v1=" + goodHex,
				"v1=" + goodHex, "t=1735324800,v1=" + goodHex.substring(2), "", "garbage " + goodHex);
		for (String header : headers) {
			WebhookSignatureException ex = catchThrowableOfType(WebhookSignatureException.class,
					() -> this.verifier.verify(header, body));
			assertThat(ex).as(header).isNotNull();
			assertThat(ex.getMessage()).as(header)
				.doesNotContain(SECRET)
				.doesNotContain(SECRET.substring(6))
				.doesNotContain(goodHex)
				.doesNotContain(wrongHex)
				.doesNotContain(staleHex)
				.doesNotContain(goodHex.substring(2))
				.doesNotContain(text)
				.doesNotContain(new String(body, StandardCharsets.UTF_8));
			assertThat(ex.toString()).as(header).doesNotContain(SECRET).doesNotContain(text);
		}
	}

	@Test
	void verifierAwaitingASecretRefusesEveryDelivery() {
		WebhookSignatureVerifier verifier = WebhookSignatureVerifier.awaitingSecret(Duration.ofMinutes(5), CLOCK);
		assertThatExceptionOfType(WebhookSignatureException.class)
			.isThrownBy(() -> verifier.verify(WebhookSigner.signatureHeader(SECRET, NOW, BODY), BODY))
			.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(SignatureFailure.BAD_SIGNATURE));
	}

	@Test
	void trustedSecretIsAcceptedFromThenOn() {
		WebhookSignatureVerifier verifier = WebhookSignatureVerifier.awaitingSecret(Duration.ofMinutes(5), CLOCK);
		verifier.trust(SECRET);
		assertThat(verifier.verify(WebhookSigner.signatureHeader(SECRET, NOW, BODY), BODY)).isEqualTo(NOW);
	}

	@Test
	void trustedSecretIsAcceptedNextToTheConfiguredOnes() {
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(PREVIOUS_SECRET),
				Duration.ofMinutes(5), CLOCK);
		verifier.trust(SECRET);
		assertThat(verifier.verify(WebhookSigner.signatureHeader(SECRET, NOW, BODY), BODY)).isEqualTo(NOW);
		assertThat(verifier.verify(WebhookSigner.signatureHeader(PREVIOUS_SECRET, NOW, BODY), BODY)).isEqualTo(NOW);
	}

	@Test
	void trustingAnEmptySecretIsRefused() {
		WebhookSignatureVerifier verifier = WebhookSignatureVerifier.awaitingSecret(Duration.ofMinutes(5), CLOCK);
		assertThatIllegalArgumentException().isThrownBy(() -> verifier.trust(""));
	}

	@Test
	void constructorRejectsNullSecretList() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignatureVerifier(null));
	}

	@Test
	void constructorRejectsEmptySecretList() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSignatureVerifier(Collections.emptyList(), Duration.ofMinutes(5), CLOCK));
	}

	@Test
	void constructorRejectsEmptySecret() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSignatureVerifier(List.of(""), Duration.ofMinutes(5), CLOCK));
	}

	@Test
	void constructorRejectsEmptySecretAmongValidOnes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSignatureVerifier(List.of(SECRET, ""), Duration.ofMinutes(5), CLOCK));
	}

	@Test
	void constructorRejectsNullSecretAmongValidOnes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSignatureVerifier(Arrays.asList(SECRET, null), Duration.ofMinutes(5), CLOCK));
	}

	@Test
	void constructorRejectsNegativeTolerance() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSignatureVerifier(List.of(SECRET), Duration.ofSeconds(-1), CLOCK));
	}

	@Test
	void constructorRejectsNullTolerance() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSignatureVerifier(List.of(SECRET), null, CLOCK));
	}

	@Test
	void constructorErrorDoesNotEchoSecrets() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSignatureVerifier(List.of(SECRET, ""), Duration.ofMinutes(5), CLOCK))
			.withMessageNotContaining(SECRET);
	}

	private void assertFailure(String header, byte[] body, SignatureFailure expected) {
		assertFailure(this.verifier, header, body, expected);
	}

	private static void assertFailure(WebhookSignatureVerifier verifier, String header, byte[] body,
			SignatureFailure expected) {
		assertThatExceptionOfType(WebhookSignatureException.class).isThrownBy(() -> verifier.verify(header, body))
			.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(expected));
	}

	private static String hmacHex(String secret, long unixSeconds, byte[] body) {
		return HexFormat.of().formatHex(new WebhookSigner(secret).sign(unixSeconds, body));
	}

	private static int indexOf(byte[] bytes, byte value) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}

}
