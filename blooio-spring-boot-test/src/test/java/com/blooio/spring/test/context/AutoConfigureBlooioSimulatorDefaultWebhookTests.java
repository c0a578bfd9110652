package com.blooio.spring.test.context;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.blooio.spring.test.context.AutoConfigureBlooioSimulatorWebhookTests.ReceivedMessages;
import com.blooio.spring.test.context.AutoConfigureBlooioSimulatorWebhookTests.TestApplication;
import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureBlooioSimulator} with a running server and no
 * {@code blooio.*} property at all: the webhook endpoint is on, verifying with a
 * generated secret the simulator signs with.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorDefaultWebhookTests {

	@Autowired
	private BlooioSimulator sim;

	@Autowired
	private ReceivedMessages received;

	@Test
	void inboundMessageReachesTheApplicationsListenerWithoutAnyProperty() {
		String messageId = this.sim.contact("+15551234567").sends("hi");
		AutoConfigureBlooioSimulatorWebhookTests.awaitHandled(this.sim, messageId);
		assertThat(this.received.texts(messageId)).containsExactly("hi");
	}

}
