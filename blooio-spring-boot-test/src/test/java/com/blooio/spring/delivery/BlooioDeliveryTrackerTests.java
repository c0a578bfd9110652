package com.blooio.spring.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.ReceivedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BlooioDeliveryTracker} without webhooks: statuses come from polling
 * the simulator's status endpoint over real HTTP.
 */
class BlooioDeliveryTrackerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String CHAT = "+15551234567";

	private BlooioSimulator sim;

	private BlooioTemplate blooio;

	private BlooioDeliveryTracker tracker;

	@BeforeEach
	void start() {
		this.sim = BlooioSimulator.start();
		this.blooio = new BlooioTemplate(WebClient.create(),
				BlooioClientSettings.of(this.sim.apiKey())
					.withBaseUrl(URI.create(this.sim.baseUrl()))
					.withRetry(3, Duration.ofMillis(10), Duration.ofMillis(100)));
		this.tracker = new BlooioDeliveryTracker(this.blooio.messages(),
				DeliveryTrackingSettings.defaults().withPolling(Duration.ofMillis(20), Duration.ofMillis(100)));
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void sentMessageIsTrackedToDeliveredByPolling() {
		String messageId = send(CHAT).messageId();
		StepVerifier.create(this.tracker.track(CHAT, messageId)).assertNext((outcome) -> {
			assertThat(outcome.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(outcome.isDelivered()).isTrue();
			assertThat(outcome.messageId()).isEqualTo(messageId);
			assertThat(outcome.chatId()).isEqualTo(CHAT);
			assertThat(outcome.at()).isNotNull();
		}).expectComplete().verify(TIMEOUT);
		assertThat(statusRequests(messageId)).isNotEmpty();
		assertThat(this.tracker.waitingCount()).isZero();
	}

	@Test
	void failedDeliveryIsAnOutcomeWithBlooiosError() {
		this.sim.settings().failDeliveriesTo(CHAT);
		String messageId = send(CHAT).messageId();
		StepVerifier.create(this.tracker.track(CHAT, messageId)).assertNext((outcome) -> {
			assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(outcome.isDelivered()).isFalse();
			assertThat(outcome.errorMessage()).isEqualTo("The message could not be delivered to the recipient.");
			assertThat(outcome.errorCode()).as("the status endpoint carries no code").isNull();
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void everyMessageOfAFanOutSendIsTracked() {
		SendMessageResponse sent = this.blooio.send(CHAT, SendMessageRequest.builder().texts("one", "two").build())
			.block(TIMEOUT);
		assertThat(sent.allMessageIds()).hasSize(2);
		StepVerifier.create(this.tracker.track(CHAT, sent).map(DeliveryOutcome::messageId).collectList())
			.assertNext((ids) -> assertThat(ids).containsExactlyInAnyOrderElementsOf(sent.allMessageIds()))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void sendRejectedBeforeDispatchIsAFailedOutcomeAtOnce() {
		SendMessageResponse rejected = new SendMessageResponse("msg_rejected", List.of(), null, DeliveryStatus.FAILED,
				null, null, List.of(), null, null, false);
		StepVerifier.create(this.tracker.track(CHAT, rejected))
			.assertNext((outcome) -> assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.sim.receivedRequests()).isEmpty();
	}

	@Test
	void messageThatStaysQueuedTimesOutNamingTheMessageAndItsLastStatus() {
		this.sim.settings().holdDeliveriesTo(CHAT);
		String messageId = send(CHAT).messageId();
		this.tracker = new BlooioDeliveryTracker(this.blooio.messages(), DeliveryTrackingSettings.defaults());
		StepVerifier.withVirtualTime(() -> this.tracker.track(CHAT, messageId, Duration.ofMinutes(1)))
			.expectSubscription()
			// the second check is made only once the answer to the first was read
			.then(() -> awaitStatusRequests(messageId, 1))
			.thenAwait(Duration.ofSeconds(2))
			.then(() -> awaitStatusRequests(messageId, 2))
			.thenAwait(Duration.ofMinutes(1))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DeliveryTimeoutException.class)
					.hasMessageContaining(messageId)
					.hasMessageContaining("queued")
					.hasMessageNotContaining(CHAT)
					.hasMessageNotContaining(this.sim.apiKey());
				DeliveryTimeoutException timeout = (DeliveryTimeoutException) ex;
				assertThat(timeout.getMessageId()).isEqualTo(messageId);
				assertThat(timeout.getLastStatus()).isEqualTo(DeliveryStatus.QUEUED);
				assertThat(timeout.getTimeout()).isEqualTo(Duration.ofMinutes(1));
			})
			.verify(TIMEOUT);
		assertThat(this.tracker.waitingCount()).isZero();
	}

	@Test
	void cancellingATrackRemovesItsWaiter() {
		this.sim.settings().holdDeliveriesTo(CHAT);
		String messageId = send(CHAT).messageId();
		Disposable tracking = this.tracker.track(CHAT, messageId).subscribe();
		await().atMost(TIMEOUT).until(() -> this.tracker.waitingCount() == 1);
		tracking.dispose();
		assertThat(this.tracker.waitingCount()).isZero();
	}

	@Test
	void unknownMessageEndsTheTrackWithTheApiError() {
		StepVerifier.create(this.tracker.track(CHAT, "msg_unknown"))
			.expectError(BlooioApiException.class)
			.verify(TIMEOUT);
		assertThat(this.tracker.waitingCount()).isZero();
	}

	private SendMessageResponse send(String chatId) {
		return this.blooio.send(chatId, "hello").block(TIMEOUT);
	}

	private List<ReceivedRequest> statusRequests(String messageId) {
		return this.sim.receivedRequests()
			.stream()
			.filter((request) -> request.rawPath().endsWith("/messages/" + messageId + "/status"))
			.toList();
	}

	private void awaitStatusRequests(String messageId, int count) {
		await().atMost(TIMEOUT).until(() -> statusRequests(messageId).size() >= count);
	}

}
