package com.blooio.spring.test.context;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.test.context.AutoConfigureBlooioSimulatorWebhookTests.TestApplication;
import com.blooio.spring.webhook.BlooioWebhookHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureBlooioSimulator} in an application that switches its
 * webhook endpoint off: the simulator's default does not override it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "blooio.webhook.enabled=false")
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorWebhookDisabledTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void applicationSettingWinsOverTheSimulatorsDefault() {
		assertThat(this.context.getBeanNamesForType(BlooioWebhookHandler.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(BlooioOperations.class)).hasSize(1);
	}

}
