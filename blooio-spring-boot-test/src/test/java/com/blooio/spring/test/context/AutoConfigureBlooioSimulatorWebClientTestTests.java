package com.blooio.spring.test.context;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webclient.test.autoconfigure.WebClientTest;
import org.springframework.context.annotation.Import;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureBlooioSimulator} in a
 * {@link WebClientTest @WebClientTest} slice: a user's service that sends through
 * {@link BlooioOperations}.
 */
@WebClientTest
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorWebClientTestTests {

	@Autowired
	private BlooioSimulator sim;

	@Autowired
	private OrderNotifier notifier;

	@Test
	void serviceInTheSliceSendsToTheSimulator() {
		this.notifier.notifyShipped("+15551234567");
		assertThat(this.sim.sentMessages()).singleElement().satisfies((sent) -> {
			assertThat(sent.chatId()).isEqualTo("+15551234567");
			assertThat(sent.text()).isEqualTo("Your order has shipped");
		});
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(OrderNotifier.class)
	static class TestApplication {

	}

	static class OrderNotifier {

		private final BlooioOperations blooio;

		OrderNotifier(BlooioOperations blooio) {
			this.blooio = blooio;
		}

		void notifyShipped(String phone) {
			this.blooio.send(phone, "Your order has shipped").block(Duration.ofSeconds(5));
		}

	}

}
