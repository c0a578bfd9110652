package com.blooio.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import com.blooio.spring.test.BlooioSimulator;
import com.blooio.spring.test.ReceivedRequest;
import com.blooio.spring.test.SentMessage;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The whole loop over real HTTP on random ports, with no Blooio account: a simulated
 * contact writes, the signed webhook reaches the bot, the bot replies through
 * BlooioTemplate, the simulator records the reply and reports its delivery back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "blooio.api-key=")
class SampleAppSimulatorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CONTACT = "+15551234567";

	@Autowired
	private BlooioSimulator simulator;

	@Autowired
	private DeliveredEvents deliveredEvents;

	@BeforeEach
	void clearDeliveredEvents() {
		this.deliveredEvents.events.clear();
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

	private SentMessage awaitOneReplyTo(String inboundId) {
		String key = "reply-" + inboundId;
		long deadline = System.nanoTime() + WAIT.toNanos();
		List<SentMessage> replies = List.of();
		while (System.nanoTime() < deadline) {
			replies = this.simulator.sentMessages()
				.stream()
				.filter((sent) -> key.equals(sent.idempotencyKey()))
				.toList();
			if (!replies.isEmpty()) {
				break;
			}
			sleep();
		}
		// a redelivered webhook must not produce a second reply
		sleep();
		replies = this.simulator.sentMessages().stream().filter((sent) -> key.equals(sent.idempotencyKey())).toList();
		assertThat(replies).hasSize(1);
		return replies.get(0);
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
