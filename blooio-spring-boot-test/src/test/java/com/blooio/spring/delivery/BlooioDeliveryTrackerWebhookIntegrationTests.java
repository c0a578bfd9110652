package com.blooio.spring.delivery;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.test.context.AutoConfigureBlooioSimulator;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.WebhookDeliveryRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configured {@link BlooioDeliveryTracker} with the webhook endpoint
 * on: outcomes come from the simulator's status webhooks, through the application's
 * endpoint. The safety-net poll is an hour away, so no test can pass by polling: each
 * also checks that the status endpoint was never called.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "blooio.webhook.secret=whsec_sim_test", "blooio.delivery-tracking.webhook-poll-interval=1h",
				"blooio.delivery-tracking.timeout=10s" })
@AutoConfigureBlooioSimulator
class BlooioDeliveryTrackerWebhookIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@Autowired
	private BlooioSimulator sim;

	@Autowired
	private BlooioOperations blooio;

	@Autowired
	private BlooioDeliveryTracker tracker;

	@AfterEach
	void reset() {
		this.sim.reset();
	}

	@Test
	void deliveredOutcomeComesFromTheStatusWebhook() {
		String chat = "+15551230001";
		SendMessageResponse sent = send(chat);
		StepVerifier.create(this.tracker.track(chat, sent)).assertNext((outcome) -> {
			assertThat(outcome.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(outcome.messageId()).isEqualTo(sent.messageId());
			assertThat(outcome.chatId()).isEqualTo(chat);
			assertThat(outcome.at()).isNotNull();
		}).expectComplete().verify(TIMEOUT);
		assertNoStatusRequests();
		assertThat(this.tracker.waitingCount()).isZero();
	}

	@Test
	void failedOutcomeCarriesTheWebhooksErrorCode() {
		String chat = "+15551230002";
		this.sim.settings().failDeliveriesTo(chat);
		SendMessageResponse sent = send(chat);
		StepVerifier.create(this.tracker.track(chat, sent.messageId())).assertNext((outcome) -> {
			assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(outcome.errorCode()).isEqualTo("delivery_failed");
			assertThat(outcome.errorMessage()).isEqualTo("The message could not be delivered to the recipient.");
		}).expectComplete().verify(TIMEOUT);
		assertNoStatusRequests();
	}

	@Test
	void statusWebhookThatArrivesBeforeTrackIsNotLost() {
		String chat = "+15551230003";
		SendMessageResponse sent = send(chat);
		awaitHandled(sent.messageId(), "message.delivered");
		StepVerifier.create(this.tracker.track(chat, sent.messageId()))
			.assertNext((outcome) -> assertThat(outcome.status()).isEqualTo(DeliveryStatus.DELIVERED))
			.expectComplete()
			.verify(TIMEOUT);
		assertNoStatusRequests();
	}

	@Test
	void firstFinalStatusWinsWhenAReadReceiptFollows() {
		String chat = "+15551230004";
		this.sim.settings().readReceipts(true);
		SendMessageResponse sent = send(chat);
		awaitHandled(sent.messageId(), "message.read");
		StepVerifier.create(this.tracker.track(chat, sent.messageId())).assertNext((outcome) -> {
			assertThat(outcome.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(outcome.isDelivered()).isTrue();
		}).expectComplete().verify(TIMEOUT);
	}

	private SendMessageResponse send(String chat) {
		return this.blooio.send(chat, "Your code is 123456").block(TIMEOUT);
	}

	private void awaitHandled(String messageId, String event) {
		WebhookDeliveryRecord delivery = this.sim
			.awaitDelivery((record) -> messageId.equals(record.messageId()) && record.event().equals(event), TIMEOUT);
		assertThat(delivery.status()).as("webhook response status").isEqualTo(200);
	}

	private void assertNoStatusRequests() {
		List<String> statusCalls = this.sim.receivedRequests()
			.stream()
			.map((request) -> request.rawPath())
			.filter((path) -> path.endsWith("/status"))
			.toList();
		assertThat(statusCalls).isEmpty();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
