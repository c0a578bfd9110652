package com.blooio.spring.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import com.blooio.spring.autoconfigure.BlooioClientAutoConfiguration;
import com.blooio.spring.client.BlooioTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureBlooioSimulator} in a {@code @SpringBootTest}.
 */
@SpringBootTest(classes = AutoConfigureBlooioSimulatorTests.TestApplication.class)
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorTests {

	@Autowired
	private BlooioSimulator sim;

	@Autowired
	private BlooioTemplate blooio;

	@Test
	void templateIsPointedAtTheSimulator() {
		assertThat(this.blooio.getSettings().baseUrl()).hasToString(this.sim.baseUrl());
		assertThat(this.blooio.getSettings().apiKey()).isEqualTo(this.sim.apiKey());
		this.blooio.send("+15551234567", "hi from Spring").block(Duration.ofSeconds(5));
		assertThat(this.sim.sentMessages()).singleElement()
			.satisfies((sent) -> assertThat(sent.text()).isEqualTo("hi from Spring"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, BlooioClientAutoConfiguration.class })
	static class TestApplication {

	}

}
