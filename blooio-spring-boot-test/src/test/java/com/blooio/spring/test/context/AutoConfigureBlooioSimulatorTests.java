package com.blooio.spring.test.context;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.webhook.subscription.WebhookSecretStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureBlooioSimulator} in a {@code @SpringBootTest} of an
 * application with full auto-configuration.
 */
@SpringBootTest(classes = AutoConfigureBlooioSimulatorTests.TestApplication.class)
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorTests {

	@Autowired
	private BlooioSimulator sim;

	@Autowired
	private BlooioTemplate blooio;

	@Autowired
	private Environment environment;

	@Autowired
	private ApplicationContext context;

	@Test
	void simulatorSuppliesTheStoreOfSubscriptionSecrets() {
		assertThat(this.context.getBean(WebhookSecretStore.class))
			.isSameAs(this.context.getBean("blooioSimulatorWebhookSecretStore"));
	}

	@Test
	void templateIsPointedAtTheSimulator() {
		assertThat(this.blooio.getSettings().baseUrl()).hasToString(this.sim.baseUrl());
		assertThat(this.blooio.getSettings().apiKey()).isEqualTo(this.sim.apiKey());
		this.blooio.send("+15551234567", "hi from Spring").block(Duration.ofSeconds(5));
		assertThat(this.sim.sentMessages()).singleElement()
			.satisfies((sent) -> assertThat(sent.text()).isEqualTo("hi from Spring"));
	}

	@Test
	void templateUsesTheSimulatorsV4Api() {
		assertThat(this.blooio.getSettings().v4BaseUrl()).hasToString(this.sim.v4BaseUrl());
	}

	@Test
	void noBlooioPropertyIsSetToSwitchTheClientOn() {
		assertThat(this.environment.getProperty("blooio.api-key")).isNull();
		assertThat(this.environment.getProperty("blooio.base-url")).isNull();
		assertThat(this.context.getBean(BlooioConnectionDetails.class).getApiKey()).isEqualTo(this.sim.apiKey());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
