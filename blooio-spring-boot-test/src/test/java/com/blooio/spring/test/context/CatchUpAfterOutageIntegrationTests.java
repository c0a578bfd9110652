package com.blooio.spring.test.context;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import com.blooio.spring.model.v4.DeliveryAttempt;
import com.blooio.spring.model.v4.SubscriptionCreated;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Catch-up after an outage, end to end on the simulator: an inbound message arrives while
 * the application is down (its v4 webhook fails), the application starts with
 * {@code blooio.webhook.catch-up.on-startup}, and the message reaches its listener once,
 * through catch-up, even when the webhook is delivered again afterwards.
 */
class CatchUpAfterOutageIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private BlooioSimulator sim;

	private ConfigurableApplicationContext application;

	@BeforeEach
	void startSimulator() {
		this.sim = BlooioSimulator.builder().webhookMaxAttempts(1).start();
	}

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		this.sim.close();
	}

	@Test
	void messageMissedDuringAnOutageReachesTheListenerOnceThoughItsWebhookComesAgain() {
		int port = TestSocketUtils.findAvailableTcpPort();
		BlooioTemplate blooio = new BlooioTemplate(WebClient.create(),
				BlooioClientSettings.of(this.sim.apiKey())
					.withBaseUrl(URI.create(this.sim.baseUrl()))
					.withV4BaseUrl(URI.create(this.sim.v4BaseUrl())));
		SubscriptionCreated subscription = blooio.v4()
			.webhooks()
			.create("http://127.0.0.1:" + port + "/blooio/webhook", List.of("message.*"))
			.block(TIMEOUT);

		String messageId = this.sim.contact("+15551234567").sends("sent while you were down");
		DeliveryAttempt failed = await().atMost(TIMEOUT)
			.until(() -> blooio.v4().webhooks().deliveries(subscription.subscription().id()).blockFirst(TIMEOUT),
					(attempt) -> attempt != null && attempt.responseStatus() == null);

		this.application = new SpringApplicationBuilder(OutageApplication.class)
			.properties("server.port=" + port, "blooio.api-key=" + this.sim.apiKey(),
					"blooio.base-url=" + this.sim.baseUrl(), "blooio.v4.base-url=" + this.sim.v4BaseUrl(),
					"blooio.webhook.secret=" + subscription.signingSecret(), "blooio.webhook.catch-up.on-startup=true")
			.run();
		ReceivedMessages received = this.application.getBean(ReceivedMessages.class);
		CatchUpCheckpointStore checkpoints = this.application.getBean(CatchUpCheckpointStore.class);
		await().atMost(TIMEOUT).until(() -> checkpoints.load() != null);
		assertThat(received.ids()).containsExactly(messageId);

		blooio.v4().webhooks().replay(subscription.subscription().id(), failed.id()).block(TIMEOUT);
		await().atMost(TIMEOUT)
			.until(() -> this.sim.deliveries()
				.stream()
				.anyMatch((record) -> messageId.equals(record.messageId()) && record.succeeded()));
		assertThat(received.ids()).containsExactly(messageId);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReceivedMessages.class)
	static class OutageApplication {

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
