package com.blooio.spring.test.context;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.model.v4.Subscription;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;
import com.blooio.spring.webhook.subscription.BlooioWebhookSubscriber;
import com.blooio.spring.webhook.subscription.InMemoryWebhookSecretStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribing {@code blooio.webhook.public-url} through v4 at start-up, on the simulator.
 */
class WebhookSubscriptionAtStartupIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private BlooioSimulator sim;

	private BlooioTemplate blooio;

	private ConfigurableApplicationContext application;

	@BeforeEach
	void startSimulator() {
		this.sim = BlooioSimulator.start();
		this.blooio = new BlooioTemplate(WebClient.create(),
				BlooioClientSettings.of(this.sim.apiKey())
					.withBaseUrl(URI.create(this.sim.baseUrl()))
					.withV4BaseUrl(URI.create(this.sim.v4BaseUrl())));
	}

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		this.sim.close();
	}

	@Test
	void applicationWithOnlyAPublicUrlIsSubscribedAndReceivesMessages() {
		int port = TestSocketUtils.findAvailableTcpPort();
		String url = "http://127.0.0.1:" + port + "/blooio/webhook";
		this.application = new SpringApplicationBuilder(SubscribingApplication.class)
			.properties("server.port=" + port, "blooio.api-key=" + this.sim.apiKey(),
					"blooio.base-url=" + this.sim.baseUrl(), "blooio.v4.base-url=" + this.sim.v4BaseUrl(),
					"blooio.webhook.public-url=" + url, "blooio.webhook.event-types=message.*")
			.run();
		Subscription subscription = await().atMost(TIMEOUT)
			.until(() -> this.blooio.v4().webhooks().list().filter((s) -> url.equals(s.url())).blockFirst(TIMEOUT),
					(found) -> found != null);
		assertThat(subscription.eventTypes()).containsExactly("message.*");

		String messageId = this.sim.contact("+15551234567").sends("hello through v4");
		ReceivedMessages received = this.application.getBean(ReceivedMessages.class);
		await().atMost(TIMEOUT).until(() -> received.ids().contains(messageId));
	}

	@Test
	void instancesStartingTogetherCreateOneSubscriptionAndBothLearnItsSecret() {
		String url = "https://bot.example.com/blooio/webhook";
		InMemoryWebhookDeduplicationStore sharedTurns = new InMemoryWebhookDeduplicationStore(100, Duration.ofHours(1));
		InMemoryWebhookSecretStore sharedSecrets = new InMemoryWebhookSecretStore();
		WebhookSignatureVerifier first = WebhookSignatureVerifier.awaitingSecret(Duration.ofMinutes(5),
				Clock.systemUTC());
		WebhookSignatureVerifier second = WebhookSignatureVerifier.awaitingSecret(Duration.ofMinutes(5),
				Clock.systemUTC());
		Flux.merge(
				new BlooioWebhookSubscriber(this.blooio, sharedSecrets, first, sharedTurns).ensureSubscribed(url,
						List.of("*")),
				new BlooioWebhookSubscriber(this.blooio, sharedSecrets, second, sharedTurns).ensureSubscribed(url,
						List.of("*")))
			.blockLast(TIMEOUT);
		assertThat(this.blooio.v4().webhooks().list().filter((s) -> url.equals(s.url())).collectList().block(TIMEOUT))
			.hasSize(1);
		byte[] body = "{\"id\":\"evt_1\",\"type\":\"message.received\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSigner.signatureHeader(sharedSecrets.load(url), Instant.now(), body);
		first.verify(signature, body);
		second.verify(signature, body);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReceivedMessages.class)
	static class SubscribingApplication {

	}

	/**
	 * The application's listener for inbound messages.
	 */
	static class ReceivedMessages {

		private final List<String> ids = new CopyOnWriteArrayList<>();

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) {
			this.ids.add(event.getMessageId());
		}

		List<String> ids() {
			return List.copyOf(this.ids);
		}

	}

}
