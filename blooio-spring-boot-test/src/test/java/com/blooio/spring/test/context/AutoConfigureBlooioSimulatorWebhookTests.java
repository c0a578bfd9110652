package com.blooio.spring.test.context;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.WebhookDeliveryRecord;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureBlooioSimulator} with a running server: the simulator
 * delivers webhooks to the application's endpoint without the test subscribing it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "blooio.webhook.secret=whsec_sim_test")
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorWebhookTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private BlooioSimulator sim;

	@Autowired
	private ReceivedMessages received;

	@Test
	void inboundMessageReachesTheApplicationsListener() {
		String messageId = this.sim.contact("+15551234567").sends("hi");
		awaitHandled(this.sim, messageId);
		assertThat(this.received.texts(messageId)).containsExactly("hi");
	}

	@Test
	void applicationStaysSubscribedAfterReset() {
		this.sim.reset();
		String messageId = this.sim.contact("+15551234567").sends("after reset");
		awaitHandled(this.sim, messageId);
		assertThat(this.received.texts(messageId)).containsExactly("after reset");
	}

	static void awaitHandled(BlooioSimulator sim, String messageId) {
		WebhookDeliveryRecord delivery = sim.awaitDelivery(
				(record) -> record.messageId().equals(messageId) && record.event().equals("message.received"), TIMEOUT);
		assertThat(delivery.status()).as("webhook response status").isEqualTo(200);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReceivedMessages.class)
	static class TestApplication {

	}

	/**
	 * An application's listener for inbound messages.
	 */
	static class ReceivedMessages {

		private final List<BlooioMessageReceivedEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) {
			this.events.add(event);
		}

		List<String> texts(String messageId) {
			return this.events.stream()
				.filter((event) -> messageId.equals(event.getMessageId()))
				.map(BlooioMessageReceivedEvent::getText)
				.toList();
		}

	}

}
