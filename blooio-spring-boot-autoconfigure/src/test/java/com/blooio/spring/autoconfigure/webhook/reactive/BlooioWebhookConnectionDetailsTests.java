package com.blooio.spring.autoconfigure.webhook.reactive;

import java.time.Instant;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the webhook secret of a {@link BlooioConnectionDetails} bean: what the
 * endpoint verifies with, and that the bean does not switch the endpoint on.
 */

class BlooioWebhookConnectionDetailsTests {

	private static final String DETAILS_SECRET = "whsec_from_details";

	private static final String PROPERTY_SECRET = "whsec_from_properties";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, BlooioClientAutoConfiguration.class,
				BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class))
		.withBean(EventRecorder.class);

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.of(BlooioWebhookHandler.class);

	@Test
	void deliverySignedWithTheSecretOfTheConnectionDetailsIsHandled() {
		this.contextRunner.withPropertyValues("blooio.webhook.enabled=true")
			.withBean(BlooioConnectionDetails.class, () -> new SecretConnectionDetails(DETAILS_SECRET))
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				post(context, body, sign(DETAILS_SECRET, Instant.now().getEpochSecond(), body)).expectStatus().isOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	@Test
	void secretOfTheConnectionDetailsReplacesThePropertyOne() {
		this.contextRunner.withPropertyValues("blooio.webhook.secret=" + PROPERTY_SECRET)
			.withBean(BlooioConnectionDetails.class, () -> new SecretConnectionDetails(DETAILS_SECRET))
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				post(context, body, sign(PROPERTY_SECRET, Instant.now().getEpochSecond(), body)).expectStatus()
					.isUnauthorized();
				assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
				assertThat(this.logs.messages(Level.WARN)).containsExactly(
						"Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
			});
	}

	@Test
	void connectionDetailsWithoutSecretLeaveThePropertyOneInUse() {
		this.contextRunner.withPropertyValues("blooio.webhook.secret=" + PROPERTY_SECRET)
			.withBean(BlooioConnectionDetails.class, () -> () -> "bl_key")
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				post(context, body, sign(PROPERTY_SECRET, Instant.now().getEpochSecond(), body)).expectStatus().isOk();
			});
	}

	@Test
	void connectionDetailsWithASecretDoNotSwitchTheEndpointOn() {
		this.contextRunner.withBean(BlooioConnectionDetails.class, () -> new SecretConnectionDetails(DETAILS_SECRET))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookSignatureVerifier.class));
	}

	private static WebTestClient.ResponseSpec post(ApplicationContext context, byte[] body, String signature) {
		return WebTestClient.bindToApplicationContext(context)
			.build()
			.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.bodyValue(body)
			.exchange();
	}

	private record SecretConnectionDetails(String webhookSecret) implements BlooioConnectionDetails {

		@Override
		public String getApiKey() {
			return "bl_key";
		}

		@Override
		public String getWebhookSecret() {
			return this.webhookSecret;
		}

	}

}
