package com.blooio.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import com.blooio.spring.test.context.AutoConfigureBlooioSimulator;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.ReceivedRequest;
import com.blooio.spring.test.simulator.SentMessage;
import com.blooio.spring.test.simulator.WebhookDeliveryRecord;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop over real HTTP on random ports, with no Blooio account: a simulated
 * contact writes, the signed webhook reaches the bot, the bot replies through
 * BlooioTemplate, the simulator records the reply and reports its delivery back.
 * <p>
 * Every webhook is delivered twice, as Blooio's at-least-once delivery may do, so that
 * each test proves the bot answers a redelivered message only once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureBlooioSimulator
class SampleAppSimulatorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CONTACT = "+15551234567";

	@Autowired
	private BlooioSimulator simulator;

	@Autowired
	private DeliveredEvents deliveredEvents;

	@BeforeEach
	void clearDeliveredEventsAndDuplicateWebhooks() {
		this.deliveredEvents.events.clear();
		this.simulator.faults().duplicateWebhooks(true);
	}

	@AfterEach
	void stopDuplicatingWebhooks() {
		// not reset(): that would also drop the subscription of the app's webhook
		// endpoint
		this.simulator.faults().duplicateWebhooks(false);
	}

	@Test
	void inboundMessageGetsExactlyOneReplyWhoseDeliveryIsReported() {
		String inboundId = this.simulator.contact(CONTACT).sends("hi");
		SentMessage reply = awaitOneReplyTo(inboundId);
		assertThat(reply.chatId()).isEqualTo(CONTACT);
		assertThat(reply.rawPath()).endsWith("/chats/%2B15551234567/messages");
		assertThat(reply.authorization()).isEqualTo("Bearer " + this.simulator.apiKey());
		assertThat(reply.idempotencyKey()).isEqualTo("reply-" + inboundId);
		assertThat(reply.text()).isEqualTo("You said: hi");
		assertThat(this.simulator.receivedRequests())
			.filteredOn((request) -> reply.idempotencyKey().equals(request.idempotencyKey()))
			.singleElement()
			.satisfies((request) -> assertThat(request.status()).isEqualTo(202));
		this.simulator.awaitDelivery((delivery) -> delivery.event().equals("message.delivered")
				&& reply.messageId().equals(delivery.messageId()) && delivery.status() == 200, WAIT);
		assertThat(this.deliveredEvents.events).extracting(BlooioMessageDeliveredEvent::getMessageId)
			.contains(reply.messageId());
	}

	@Test
	void replyFailingWithBadGatewayIsRetriedWithTheSameKeyAndSentOnce() {
		this.simulator.faults().nextRequests(1).respond(502);
		String inboundId = this.simulator.contact(CONTACT).sends("retry me");
		SentMessage reply = awaitOneReplyTo(inboundId);
		assertThat(reply.text()).isEqualTo("You said: retry me");
		assertThat(this.simulator.receivedRequests())
			.filteredOn((request) -> ("reply-" + inboundId).equals(request.idempotencyKey()))
			.extracting(ReceivedRequest::status, ReceivedRequest::idempotencyKey)
			.containsExactly(tuple(502, "reply-" + inboundId), tuple(202, "reply-" + inboundId));
	}

	/**
	 * Waits until the inbound message's webhook was delivered twice and both deliveries
	 * were answered, then returns the one reply. The bot's listener runs before its
	 * endpoint answers, so once the simulator has recorded the answer to the second
	 * delivery, any second reply would already have been sent.
	 */
	private SentMessage awaitOneReplyTo(String inboundId) {
		List<WebhookDeliveryRecord> deliveries = await().atMost(WAIT)
			.until(() -> messageReceivedDeliveries(inboundId), (attempts) -> attempts.size() >= 2);
		assertThat(deliveries).as("both deliveries of message.received answered 2xx, neither retried")
			.hasSize(2)
			.allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(200));
		String key = "reply-" + inboundId;
		List<SentMessage> replies = this.simulator.sentMessages()
			.stream()
			.filter((sent) -> key.equals(sent.idempotencyKey()))
			.toList();
		assertThat(replies).as("replies to " + inboundId).hasSize(1);
		return replies.get(0);
	}

	private List<WebhookDeliveryRecord> messageReceivedDeliveries(String inboundId) {
		return this.simulator.deliveries()
			.stream()
			.filter((delivery) -> delivery.event().equals("message.received") && delivery.messageId().equals(inboundId))
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class DeliveredEventsConfiguration {

		@Bean
		DeliveredEvents deliveredEvents() {
			return new DeliveredEvents();
		}

	}

	static class DeliveredEvents {

		final List<BlooioMessageDeliveredEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BlooioMessageDeliveredEvent event) {
			this.events.add(event);
		}

	}

}
