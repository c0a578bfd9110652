package com.blooio.spring.test.context;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.blooio.spring.test.context.AutoConfigureBlooioSimulatorWebhookTests.ReceivedMessages;
import com.blooio.spring.test.context.AutoConfigureBlooioSimulatorWebhookTests.TestApplication;
import com.blooio.spring.test.simulator.BlooioSimulator;

import static com.blooio.spring.test.context.AutoConfigureBlooioSimulatorWebhookTests.awaitHandled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureBlooioSimulator} with a running WebFlux server below a
 * base path: the subscribed URL includes it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "blooio.webhook.secret=whsec_sim_test", "spring.webflux.base-path=/shop" })
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorWebhookBasePathTests {

	@Autowired
	private BlooioSimulator sim;

	@Autowired
	private ReceivedMessages received;

	@Test
	void inboundMessageReachesTheEndpointBelowTheBasePath() {
		String messageId = this.sim.contact("+15551234567").sends("hi");
		awaitHandled(this.sim, messageId);
		assertThat(this.sim.deliveries()).allSatisfy((delivery) -> assertThat(delivery.url()).contains("/shop/"));
		assertThat(this.received.texts(messageId)).containsExactly("hi");
	}

}
