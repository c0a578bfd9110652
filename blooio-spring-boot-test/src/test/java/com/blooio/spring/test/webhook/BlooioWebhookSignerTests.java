package com.blooio.spring.test.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioWebhookSigner}.
 */
class BlooioWebhookSignerTests {

	private static final String JSON = "{\"event\":\"message.received\",\"message_id\":\"m1\",\"text\":\"hi\"}";

	@Test
	void signatureIsAcceptedByTheVerifier() {
		byte[] body = JSON.getBytes(StandardCharsets.UTF_8);
		String header = BlooioWebhookSigner.signatureHeader("whsec_test", body);
		assertThat(new WebhookSignatureVerifier(List.of("whsec_test")).verify(header, body)).isCloseTo(Instant.now(),
				org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
	}

	@Test
	void signatureAtAGivenTimeIsStable() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		Instant at = Instant.ofEpochSecond(1735324800);
		assertThat(BlooioWebhookSigner.signatureHeader("whsec_test", at, body)).startsWith("t=1735324800,v1=")
			.isEqualTo(BlooioWebhookSigner.signatureHeader("whsec_test", at.plusMillis(999), body))
			.hasSize("t=1735324800,v1=".length() + 64);
	}

	@Test
	void headersCarryContentTypeEventMessageIdAndSignature() {
		HttpHeaders headers = BlooioWebhookSigner.headers("whsec_test", JSON);
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(headers.getFirst("X-Blooio-Event")).isEqualTo("message.received");
		assertThat(headers.getFirst("X-Blooio-Message-Id")).isEqualTo("m1");
		new WebhookSignatureVerifier(List.of("whsec_test")).verify(headers.getFirst("X-Blooio-Signature"),
				JSON.getBytes(StandardCharsets.UTF_8));
	}

}
