package com.blooio.spring.autoconfigure.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.test.autoconfigure.WebClientTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.blooio.spring.client.BlooioOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BlooioClientAutoConfiguration} in a {@link WebClientTest @WebClientTest} slice:
 * a user's service that sends through {@link BlooioOperations}, tested against a
 * {@link MockWebServer}.
 */
@WebClientTest(properties = "blooio.api-key=bl_slice_key")
class BlooioClientWebClientTestIntegrationTests {

	private static final MockWebServer server = new MockWebServer();

	@Autowired
	private OrderNotifier notifier;

	@BeforeAll
	static void startServer() throws IOException {
		server.start();
	}

	@AfterAll
	static void closeServer() {
		server.close();
	}

	@DynamicPropertySource
	static void blooioBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("blooio.base-url", () -> server.url("/v2/api").toString());
	}

	@Test
	void serviceSendsThroughTheAutoConfiguredTemplateToTheConfiguredBaseUrlWithTheApiKey() throws Exception {
		server.enqueue(sendAccepted());
		assertThat(this.notifier.notifyShipped("+15551234567")).isEqualTo("Qm8FhbH3P7R");
		RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer bl_slice_key");
	}

	@Test
	void templateIsBuiltFromTheSlicesWebClientBuilderSoWebClientCustomizersApply() throws Exception {
		server.enqueue(sendAccepted());
		this.notifier.notifyShipped("+15551234567");
		RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.getHeaders().get("X-Test-Customizer")).isEqualTo("applied");
	}

	private static MockResponse sendAccepted() {
		return new MockResponse.Builder().code(202)
			.addHeader("Content-Type", "application/json")
			.body("{\"message_id\":\"Qm8FhbH3P7R\",\"status\":\"queued\"}")
			.build();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(OrderNotifier.class)
	static class TestApplication {

		@Bean
		WebClientCustomizer testHeaderCustomizer() {
			return (builder) -> builder.defaultHeader("X-Test-Customizer", "applied");
		}

	}

	/**
	 * A user's service that depends on {@link BlooioOperations}.
	 */
	static class OrderNotifier {

		private final BlooioOperations blooio;

		OrderNotifier(BlooioOperations blooio) {
			this.blooio = blooio;
		}

		String notifyShipped(String phone) {
			return this.blooio.send(phone, "Your order has shipped").block(Duration.ofSeconds(5)).messageId();
		}

	}

}
