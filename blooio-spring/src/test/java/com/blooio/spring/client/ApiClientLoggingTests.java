package com.blooio.spring.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.http.MediaType;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioTransportException;
import com.blooio.spring.model.webhook.WebhookType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the DEBUG log of Blooio API calls: one line per attempt, bodies only when
 * asked for, and never the API key or a signing secret.
 */
class ApiClientLoggingTests extends BlooioServerTestSupport {

	private static final String PHONE = "+15551234567";

	private static final String TEXT = "Meet me at 6pm";

	private static final String SIGNING_SECRET = "whsec_a1b2c3d4e5f6789012345678901234567890abcdef";

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs("com.blooio", Level.DEBUG);

	@Test
	void eachAttemptIsLoggedWithOperationNumberMethodPathTemplateStatusAndDuration() {
		enqueueJson(502, "{\"error\":\"Bad Gateway\"}");
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send(PHONE, TEXT))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.logs.messages()).filteredOn((message) -> message.contains(" attempt "))
			.satisfiesExactly(
					(first) -> assertThat(first)
						.matches("Blooio sendMessage attempt 1: POST /chats/\\{chatId}/messages -> 502 in \\d+ ms"),
					(second) -> assertThat(second)
						.matches("Blooio sendMessage attempt 2: POST /chats/\\{chatId}/messages -> 202 in \\d+ ms"));
	}

	@Test
	void bodiesAndPathVariablesAreNotLoggedByDefault() {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send(PHONE, TEXT))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.logs.text()).contains("sendMessage attempt 1")
			.doesNotContain(TEXT)
			.doesNotContain("5551234567")
			.doesNotContain("Qm8FhbH3P7R");
	}

	@Test
	void bodiesAndUriAreLoggedWhenEnabled() {
		template(settings().withLogBodies(true));
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send(PHONE, TEXT))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.logs.messages()).filteredOn((message) -> message.contains("sendMessage attempt 1"))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("/v2/api/chats/%2B15551234567/messages")
			.contains("request body: {\"text\":\"" + TEXT + "\"}")
			.contains("response body: {\"message_id\":\"Qm8FhbH3P7R\",\"status\":\"queued\"}");
	}

	@Test
	void apiKeyIsNeverLoggedEvenWithBodies() {
		template(settings().withLogBodies(true));
		// a response that echoes the key must not leak it either
		enqueueJson(200, "{\"auth_type\":\"api_key\",\"valid\":true,\"note\":\"key " + API_KEY + "\"}");
		StepVerifier.create(this.blooio.account().me()).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(this.logs.text()).contains("getMe attempt 1")
			.doesNotContain(API_KEY)
			.doesNotContainIgnoringCase("authorization")
			.doesNotContain("Bearer");
	}

	@Test
	void signingSecretInWebhookCreateResponseIsMasked() {
		template(settings().withLogBodies(true));
		enqueueFixture(201, "response-create-webhook.201.json");
		StepVerifier.create(this.blooio.webhooks().create("https://example.com/webhooks/blooio", WebhookType.ALL))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.logs.text()).contains("createWebhook attempt 1")
			.contains("\"signing_secret\":\"******\"")
			.contains("\"webhook_id\":\"wh_abc123def456\"")
			.doesNotContain("a1b2c3d4e5f6789012345678901234567890abcdef");
	}

	@Test
	void signingSecretInAnyOtherFieldIsMasked() {
		template(settings().withLogBodies(true));
		enqueueJson(400, "{\"error\":\"Bad Request\",\"message\":\"do not send " + SIGNING_SECRET + " here\"}");
		StepVerifier.create(this.blooio.messages().send(PHONE, TEXT))
			.expectError(BlooioApiException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(this.logs.text()).contains("sendMessage attempt 1")
			.contains("-> 400")
			.contains("do not send whsec_****** here")
			.doesNotContain(SIGNING_SECRET);
	}

	@Test
	void multipartBodyIsLoggedAsPartNamesAndSizesOnly() {
		template(settings().withLogBodies(true));
		enqueueJson(200, "{\"group_id\":\"grp_1\",\"icon_url\":\"https://cdn.example.com/icon.png\"}");
		byte[] icon = "PNG-BYTES-THAT-MUST-NOT-BE-LOGGED".getBytes();
		StepVerifier.create(this.blooio.groups().setIcon("grp_1", icon, "icon.png", MediaType.IMAGE_PNG))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.logs.text()).contains("request body: multipart [icon (image/png, " + icon.length + " bytes)]")
			.doesNotContain("PNG-BYTES");
	}

	@Test
	void failureWithoutResponseIsLoggedWithoutTheRequestUri() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		template(settings().withBaseUrl(URI.create("http://localhost:" + closedPort + "/v2/api"))
			.withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
		StepVerifier.create(this.blooio.messages().send(PHONE, TEXT))
			.expectError(BlooioTransportException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(this.logs.messages()).filteredOn((message) -> message.contains("sendMessage attempt 1"))
			.singleElement(InstanceOfAssertFactories.STRING)
			.matches("Blooio sendMessage attempt 1: POST /chats/\\{chatId}/messages failed after \\d+ ms: .*")
			.contains("could not connect to Blooio")
			.doesNotContain("5551234567");
	}

	@Test
	void nothingIsLoggedAboveDebug() {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send(PHONE, TEXT))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.logs.messages()).isNotEmpty();
		assertThat(this.logs.levels()).containsOnly(Level.DEBUG);
	}

}
