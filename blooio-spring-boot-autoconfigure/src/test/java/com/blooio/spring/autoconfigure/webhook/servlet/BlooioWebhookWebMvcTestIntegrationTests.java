package com.blooio.spring.autoconfigure.webhook.servlet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.security.BlooioWebhookSecurity;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Blooio webhook route in a {@link WebMvcTest @WebMvcTest} slice: a user testing
 * their webhook listener with {@link MockMvcTester}. Spring Security is on this module's
 * test classpath, so the test application exempts the webhook path from CSRF and login as
 * an application using Spring Security must (the signature authenticates Blooio).
 */
@WebMvcTest(properties = { "blooio.webhook.secret=" + SECRET, "blooio.api-key=bl_slice_key",
		"spring.security.user.password=test-only" })
class BlooioWebhookWebMvcTestIntegrationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private EventRecorder listener;

	@Autowired
	private ApplicationContext context;

	@Test
	void signedDeliveryToTheWebhookPathReachesTheImportedListener() {
		byte[] body = fixture(RECEIVED_FIXTURE);
		assertThat(this.mvc.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, sign(body))
			.content(body)).hasStatusOk();
		assertThat(this.listener.receivedBy(BlooioMessageReceivedEvent.class)).singleElement()
			.isInstanceOfSatisfying(BlooioMessageReceivedEvent.class,
					(event) -> assertThat(event.getSender()).isEqualTo("+15551234567"));
	}

	@Test
	void unsignedDeliveryIsRejectedBeforeTheListener() {
		int eventsBefore = this.listener.all().size();
		assertThat(this.mvc.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.content(fixture(RECEIVED_FIXTURE))).hasStatus(401);
		assertThat(this.listener.all()).hasSize(eventsBefore);
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (MISSING_HEADER): Webhook has no X-Blooio-Signature header");
	}

	@Test
	void sliceHasNoBlooioClientEvenWithAnApiKeySoWebLayerTestsNeverCallBlooio() {
		assertThat(this.context.getBeanNamesForType(BlooioOperations.class)).isEmpty();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(EventRecorder.class)
	static class TestApplication {

		@Bean
		SecurityFilterChain security(HttpSecurity http, BlooioWebhookSecurity blooioWebhook) {
			blooioWebhook.permit(http);
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
		}

	}

}
