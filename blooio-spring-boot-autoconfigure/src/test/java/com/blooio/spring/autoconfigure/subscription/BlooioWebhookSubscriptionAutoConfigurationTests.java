package com.blooio.spring.autoconfigure.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;

import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.signature.WebhookSignatureException;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;
import com.blooio.spring.webhook.subscription.BlooioWebhookSubscriber;
import com.blooio.spring.webhook.subscription.InMemoryWebhookSecretStore;
import com.blooio.spring.webhook.subscription.WebhookSecretStore;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BlooioWebhookSubscriptionAutoConfiguration} and the verifier a public
 * URL gets.
 */
class BlooioWebhookSubscriptionAutoConfigurationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private static final String URL = "https://bot.example.com/blooio/webhook";

	private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"message.received\",\"data\":{}}"
		.getBytes(StandardCharsets.UTF_8);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, BlooioClientAutoConfiguration.class,
				BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class,
				BlooioWebhookSubscriptionAutoConfiguration.class));

	@Test
	void publicUrlAloneEnablesTheEndpointWithAVerifierAwaitingItsSecret() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.public-url=" + URL)
			.run((context) -> {
				assertThat(context).hasSingleBean(BlooioWebhookHandler.class);
				assertThat(context).hasSingleBean(BlooioWebhookSubscriber.class);
				assertThat(context).hasSingleBean(SubscribeOnStartup.class);
				assertThat(context).getBean(WebhookSecretStore.class).isInstanceOf(InMemoryWebhookSecretStore.class);
				WebhookSignatureVerifier verifier = context.getBean(WebhookSignatureVerifier.class);
				assertThatExceptionOfType(WebhookSignatureException.class)
					.isThrownBy(() -> verifier.verify(signed("whsec_any"), BODY));
			});
	}

	@Test
	void secretTheStoreKeepsForThePublicUrlIsTrustedAtStartup() {
		InMemoryWebhookSecretStore store = new InMemoryWebhookSecretStore();
		store.save(URL, "whsec_kept");
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.public-url=" + URL)
			.withBean(WebhookSecretStore.class, () -> store)
			.run((context) -> context.getBean(WebhookSignatureVerifier.class).verify(signed("whsec_kept"), BODY));
	}

	@Test
	void configuredSecretIsTrustedNextToThePublicUrl() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.public-url=" + URL,
					"blooio.webhook.secret=whsec_configured")
			.run((context) -> context.getBean(WebhookSignatureVerifier.class).verify(signed("whsec_configured"), BODY));
	}

	@Test
	void noSubscriptionWithoutAPublicUrl() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BlooioWebhookSubscriber.class);
				assertThat(context).doesNotHaveBean(WebhookSecretStore.class);
			});
	}

	@Test
	void noSubscriptionWithoutTheClient() {
		this.contextRunner.withPropertyValues("blooio.webhook.public-url=" + URL)
			.run((context) -> assertThat(context).doesNotHaveBean(BlooioWebhookSubscriber.class));
	}

	@Test
	void publicUrlThatIsNotAnHttpUrlFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.public-url=ftp://x/hook")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("blooio.webhook")
				.hasStackTraceContaining("publicUrl")
				.hasStackTraceContaining("must be an absolute http(s) URL"));
	}

	private static String signed(String secret) {
		return WebhookSigner.signatureHeader(secret, Instant.now(), BODY);
	}

}
