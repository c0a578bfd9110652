package com.blooio.spring.autoconfigure.webhook.reactive;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.security.BlooioWebhookServerSecurity;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Blooio webhook route in a {@link WebFluxTest @WebFluxTest} slice: a user testing
 * their webhook listener with {@link WebTestClient}. Spring Security is on this module's
 * test classpath, so the test application exempts the webhook path from CSRF and login as
 * an application using Spring Security must (the signature authenticates Blooio).
 */
@WebFluxTest(properties = "blooio.webhook.secret=" + SECRET)
class BlooioWebhookWebFluxTestIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private EventRecorder listener;

	@Test
	void signedDeliveryToTheWebhookPathReachesTheImportedListener() {
		byte[] body = fixture(RECEIVED_FIXTURE);
		this.client.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, sign(body))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.listener.receivedBy(BlooioMessageReceivedEvent.class)).singleElement()
			.isInstanceOfSatisfying(BlooioMessageReceivedEvent.class,
					(event) -> assertThat(event.getSender()).isEqualTo("+15551234567"));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(EventRecorder.class)
	static class TestApplication {

		@Bean
		SecurityWebFilterChain security(ServerHttpSecurity http, BlooioWebhookServerSecurity blooioWebhook) {
			blooioWebhook.permit(http);
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated()).build();
		}

	}

}
