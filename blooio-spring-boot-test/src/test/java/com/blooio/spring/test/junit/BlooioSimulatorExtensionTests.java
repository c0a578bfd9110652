package com.blooio.spring.test.junit;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioSimulatorExtension}.
 */
@ExtendWith(BlooioSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlooioSimulatorExtensionTests {

	private static BlooioSimulator first;

	private final BlooioSimulator fromConstructor;

	BlooioSimulatorExtensionTests(BlooioSimulator sim) {
		this.fromConstructor = sim;
	}

	@Test
	@Order(1)
	void injectsARunningSimulator(BlooioSimulator sim) {
		first = sim;
		assertThat(sim).isSameAs(this.fromConstructor);
		BlooioTemplate blooio = new BlooioTemplate(WebClient.create(),
				BlooioClientSettings.of(sim.apiKey()).withBaseUrl(URI.create(sim.baseUrl())));
		blooio.send("+15551234567", "hi").block(Duration.ofSeconds(5));
		assertThat(sim.sentMessages()).hasSize(1);
	}

	@Test
	@Order(2)
	void sharesTheSimulatorAcrossTheClassAndResetsItBeforeEachTest(BlooioSimulator sim) {
		assertThat(sim).isSameAs(first);
		assertThat(sim.sentMessages()).isEmpty();
	}

}
