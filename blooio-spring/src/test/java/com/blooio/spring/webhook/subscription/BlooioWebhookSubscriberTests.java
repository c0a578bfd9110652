package com.blooio.spring.webhook.subscription;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.signature.WebhookSignatureException;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The subscriber makes sure the public URL is subscribed with the configured types, and
 * that the verifier accepts what the subscription delivers.
 */
class BlooioWebhookSubscriberTests {

	private static final String URL = "https://bot.example.com/blooio/webhook";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"message.received\",\"data\":{}}"
		.getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.of(BlooioWebhookSubscriber.class);

	private final InMemoryWebhookSecretStore secrets = new InMemoryWebhookSecretStore();

	private final WebhookSignatureVerifier verifier = WebhookSignatureVerifier.awaitingSecret(Duration.ofMinutes(5),
			Clock.systemUTC());

	private MockWebServer blooio;

	private BlooioWebhookSubscriber subscriber;

	@BeforeEach
	void start() throws IOException {
		this.blooio = new MockWebServer();
		this.blooio.start();
		BlooioTemplate template = new BlooioTemplate(WebClient.create(),
				BlooioClientSettings.of("bl_test_key").withV4BaseUrl(URI.create(this.blooio.url("/v4").toString())));
		this.subscriber = new BlooioWebhookSubscriber(template, this.secrets, this.verifier,
				new InMemoryWebhookDeduplicationStore(100, Duration.ofHours(1)));
	}

	@AfterEach
	void stop() {
		this.blooio.close();
	}

	@Test
	void urlNotSubscribedIsSubscribedAndItsSecretKeptAndTrusted() throws Exception {
		this.blooio.enqueue(json(200, "{\"data\":[],\"has_more\":false,\"next_cursor\":null}"));
		this.blooio.enqueue(json(201, "{\"data\":" + subscription("wh_1", "[\"message.*\"]", "\"whsec_new\"") + "}"));
		assertThat(this.subscriber.ensureSubscribed(URL, List.of("message.*")).block(TIMEOUT).id()).isEqualTo("wh_1");
		this.blooio.takeRequest();
		RecordedRequest create = this.blooio.takeRequest();
		assertThat(create.getMethod()).isEqualTo("POST");
		assertThat(create.getBody().string(StandardCharsets.UTF_8))
			.isEqualTo("{\"url\":\"" + URL + "\",\"event_types\":[\"message.*\"]}");
		assertThat(create.getHeaders().get("Idempotency-Key"))
			.isEqualTo(BlooioWebhookSubscriber.idempotencyKey(URL, List.of("message.*")));
		assertThat(this.secrets.load(URL)).isEqualTo("whsec_new");
		this.verifier.verify(signed("whsec_new"), BODY);
	}

	@Test
	void subscriptionWithOtherTypesIsUpdatedNotCreatedAgain() throws Exception {
		this.blooio.enqueue(json(200, "{\"data\":[" + subscription("wh_1", "[\"message.*\"]", null)
				+ "],\"has_more\":false,\"next_cursor\":null}"));
		this.blooio.enqueue(json(200, "{\"data\":" + subscription("wh_1", "[\"message.*\",\"safety.*\"]", null) + "}"));
		this.subscriber.ensureSubscribed(URL, List.of("safety.*", "message.*")).block(TIMEOUT);
		this.blooio.takeRequest();
		RecordedRequest update = this.blooio.takeRequest();
		assertThat(update.getMethod()).isEqualTo("PATCH");
		assertThat(update.getTarget()).isEqualTo("/v4/webhooks/wh_1");
		assertThat(update.getBody().string(StandardCharsets.UTF_8))
			.isEqualTo("{\"event_types\":[\"safety.*\",\"message.*\"]}");
		assertWarnedOfTheMissingSecret();
	}

	@Test
	void matchingSubscriptionIsLeftAsItIsAndTheStoredSecretTrusted() {
		this.secrets.save(URL, "whsec_kept");
		this.blooio.enqueue(json(200, "{\"data\":[" + subscription("wh_1", "[\"safety.*\",\"message.*\"]", null)
				+ "],\"has_more\":false,\"next_cursor\":null}"));
		this.subscriber.ensureSubscribed(URL, List.of("message.*", "safety.*")).block(TIMEOUT);
		assertThat(this.blooio.getRequestCount()).isOne();
		this.verifier.verify(signed("whsec_kept"), BODY);
	}

	@Test
	void subscriptionWhoseSecretNobodyKeptLeavesDeliveriesRefused() {
		this.blooio.enqueue(json(200,
				"{\"data\":[" + subscription("wh_1", "[\"*\"]", null) + "],\"has_more\":false,\"next_cursor\":null}"));
		this.subscriber.ensureSubscribed(URL, List.of("*")).block(TIMEOUT);
		assertThatExceptionOfType(WebhookSignatureException.class)
			.isThrownBy(() -> this.verifier.verify(signed("whsec_anything"), BODY));
		assertWarnedOfTheMissingSecret();
	}

	@Test
	void idempotencyKeyIsTheSameForTheSameUrlAndTypesInAnyOrder() {
		assertThat(BlooioWebhookSubscriber.idempotencyKey(URL, List.of("message.*", "safety.*")))
			.isEqualTo(BlooioWebhookSubscriber.idempotencyKey(URL, List.of("safety.*", "message.*")))
			.isNotEqualTo(BlooioWebhookSubscriber.idempotencyKey(URL, List.of("message.*")));
	}

	private static String signed(String secret) {
		return WebhookSigner.signatureHeader(secret, Instant.now(), BODY);
	}

	private static String subscription(String id, String types, String secret) {
		return "{\"id\":\"" + id + "\",\"url\":\"" + URL + "\",\"event_types\":" + types
				+ ",\"status\":\"active\",\"created_at\":1777636800"
				+ ((secret != null) ? ",\"signing_secret\":" + secret : "") + "}";
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

	private void assertWarnedOfTheMissingSecret() {
		assertThat(this.logs.messages(Level.WARN)).singleElement()
			.asString()
			.startsWith("Blooio webhook subscription wh_1 for " + URL
					+ " exists, but this application has no signing secret for it")
			.contains("Set blooio.webhook.secret");
	}

}
