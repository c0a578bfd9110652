package com.blooio.spring.test.context;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureBlooioSimulator} in a {@link WebFluxTest @WebFluxTest}
 * slice, which leaves the Blooio client out unless the annotation brings it in.
 */
@WebFluxTest
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorWebFluxTestTests {

	@Autowired
	private BlooioSimulator sim;

	@Autowired
	private WebTestClient client;

	@Test
	void controllerInTheSliceSendsToTheSimulator() {
		String messageId = this.client.post()
			.uri("/orders/+15551234567/shipped")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(this.sim.sentMessages()).singleElement().satisfies((sent) -> {
			assertThat(sent.messageId()).isEqualTo(messageId);
			assertThat(sent.text()).isEqualTo("Your order has shipped");
		});
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(OrderController.class)
	static class TestApplication {

	}

	@RestController
	static class OrderController {

		private final BlooioOperations blooio;

		OrderController(BlooioOperations blooio) {
			this.blooio = blooio;
		}

		@PostMapping("/orders/{phone}/shipped")
		Mono<String> shipped(@PathVariable String phone) {
			return this.blooio.send(phone, "Your order has shipped").mapNotNull((response) -> response.messageId());
		}

	}

}
