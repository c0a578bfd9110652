package com.blooio.spring.autoconfigure.webhook.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;

import com.blooio.spring.webhook.BlooioWebhookHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link WebMvcTest @WebMvcTest} of an application that only sends: without
 * {@code blooio.webhook.secret} the slice gets no webhook pipeline, so such tests need no
 * webhook configuration.
 */
@WebMvcTest(properties = { "blooio.webhook.secret=", "spring.security.user.password=test-only" })
class BlooioWebhookWebMvcTestWithoutSecretIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void sliceStartsWithoutTheWebhookPipeline() {
		assertThat(this.context.getBeanNamesForType(BlooioWebhookHandler.class)).isEmpty();
		assertThat(this.context.containsBean("blooioWebhookHandlerMapping")).isFalse();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class TestApplication {

	}

}
