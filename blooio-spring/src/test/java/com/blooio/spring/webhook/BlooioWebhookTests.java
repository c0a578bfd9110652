package com.blooio.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioGenericEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.signature.SignatureFailure;
import com.blooio.spring.webhook.signature.WebhookSignatureException;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BlooioWebhook}, the plain-Java entry point: verify, then parse.
 */
class BlooioWebhookTests {

	private static final String SECRET = "whsec_plain_java";

	private static final byte[] RECEIVED = """
			{"event":"message.received","message_id":"msg_1","external_id":"+15551234567",\
			"sender":"+15551234567","text":"hi","timestamp":1735324800123}""".getBytes(StandardCharsets.UTF_8);

	@Test
	void signedDeliveryBecomesItsTypedEvent() {
		Instant signedAt = Instant.now();
		String header = WebhookSigner.signatureHeader(SECRET, signedAt, RECEIVED);
		BlooioEvent event = BlooioWebhook.constructEvent(RECEIVED, header, SECRET);
		assertThat(event).isInstanceOfSatisfying(BlooioMessageReceivedEvent.class, (received) -> {
			assertThat(received.getText()).isEqualTo("hi");
			assertThat(received.getChatId()).isEqualTo("+15551234567");
			assertThat(received.getDelivery().signedAt()).isEqualTo(Instant.ofEpochSecond(signedAt.getEpochSecond()));
		});
	}

	@Test
	void forgedSignatureIsRejectedBeforeParsing() {
		String header = WebhookSigner.signatureHeader("whsec_someone_else", Instant.now(), RECEIVED);
		assertThatExceptionOfType(WebhookSignatureException.class)
			.isThrownBy(() -> BlooioWebhook.constructEvent(RECEIVED, header, SECRET))
			.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(SignatureFailure.BAD_SIGNATURE));
	}

	@Test
	void missingSignatureIsRejected() {
		assertThatExceptionOfType(WebhookSignatureException.class)
			.isThrownBy(() -> BlooioWebhook.constructEvent(RECEIVED, null, SECRET))
			.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(SignatureFailure.MISSING_HEADER));
	}

	@Test
	void signatureOlderThanToleranceIsRejected() {
		String header = WebhookSigner.signatureHeader(SECRET, Instant.now().minusSeconds(120), RECEIVED);
		assertThatExceptionOfType(WebhookSignatureException.class)
			.isThrownBy(() -> BlooioWebhook.constructEvent(RECEIVED, header, SECRET, Duration.ofSeconds(60)))
			.satisfies((ex) -> assertThat(ex.getFailure()).isEqualTo(SignatureFailure.TIMESTAMP_OUT_OF_TOLERANCE));
	}

	@Test
	void signedBodyThatIsNotAnEventIsMalformed() {
		byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
		String header = WebhookSigner.signatureHeader(SECRET, Instant.now(), body);
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> BlooioWebhook.constructEvent(body, header, SECRET));
	}

	@Test
	void instanceVerifiesWithItsVerifierAndClock() {
		Instant now = Instant.ofEpochSecond(1735324800L);
		BlooioWebhook webhook = new BlooioWebhook(
				new WebhookSignatureVerifier(List.of(SECRET), Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC)));
		byte[] body = "{\"event\":\"contact.updated\"}".getBytes(StandardCharsets.UTF_8);
		BlooioEvent event = webhook.constructEvent(body, WebhookSigner.signatureHeader(SECRET, now, body));
		assertThat(event).isInstanceOf(BlooioGenericEvent.class);
		assertThat(event.getEventType()).isEqualTo("contact.updated");
		assertThat(event.getSource()).isSameAs(webhook);
	}

}
