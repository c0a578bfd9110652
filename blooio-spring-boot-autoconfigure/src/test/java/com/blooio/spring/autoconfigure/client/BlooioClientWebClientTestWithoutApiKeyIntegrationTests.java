package com.blooio.spring.autoconfigure.client;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webclient.test.autoconfigure.WebClientTest;
import org.springframework.context.ApplicationContext;

import com.blooio.spring.client.BlooioOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link WebClientTest @WebClientTest} without {@code blooio.api-key}: the slice keeps
 * the client's gate, so tests of other clients are not affected by Blooio.
 */
@WebClientTest(properties = "blooio.api-key=")
class BlooioClientWebClientTestWithoutApiKeyIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void sliceStartsWithoutATemplate() {
		assertThat(this.context.getBeanNamesForType(BlooioOperations.class)).isEmpty();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class TestApplication {

	}

}
