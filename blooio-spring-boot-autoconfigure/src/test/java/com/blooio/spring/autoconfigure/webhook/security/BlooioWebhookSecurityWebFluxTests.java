package com.blooio.spring.autoconfigure.webhook.security;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.HttpHandlerConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Tests for {@link BlooioWebhookServerSecurity} in a WebFlux application whose own chain
 * requires authentication and CSRF tokens: exchanges go through the application's Spring
 * Security web filter chain and then the webhook endpoint, with {@link WebTestClient}.
 */
class BlooioWebhookSecurityWebFluxTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class,
				BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class,
				BlooioWebhookSecurityAutoConfiguration.class))
		.withUserConfiguration(AppEndpoints.class)
		.withBean(EventRecorder.class)
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	@Test
	void signedDeliveryPassesTheApplicationChainAndReachesTheListener() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			deliver(client(context), DEFAULT_PATH, body, sign(body)).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.outcome")
				.isEqualTo("handled");
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void forgedDeliveryIsRejectedByTheWebhookEndpointRatherThanBySpringSecurity() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			String forged = sign("whsec_forged", Instant.now().getEpochSecond(), body);
			deliver(client(context), DEFAULT_PATH, body, forged).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.outcome")
				.isEqualTo("bad_signature");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
	}

	@Test
	void authenticatedPostToAnotherEndpointWithoutCsrfTokenIsStillForbidden() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> client(context).mutateWith(mockUser("alice"))
				.post()
				.uri("/orders")
				.exchange()
				.expectStatus()
				.isForbidden());
	}

	@Test
	void anonymousPostToAnotherEndpointWithCsrfTokenStillRequiresLogin() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> client(context).mutateWith(csrf())
				.post()
				.uri("/orders")
				.exchange()
				.expectStatus()
				.isFound()
				.expectHeader()
				.location("/login"));
	}

	@Test
	void authenticatedPostToAnotherEndpointWithCsrfTokenIsServed() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> client(context).mutateWith(mockUser("alice"))
				.mutateWith(csrf())
				.post()
				.uri("/orders")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("ordered"));
	}

	@Test
	void anonymousGetElsewhereStillRequiresLogin() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> client(context).get()
				.uri("/account")
				.exchange()
				.expectStatus()
				.isFound()
				.expectHeader()
				.location("/login"));
	}

	@Test
	void anonymousGetOnTheWebhookPathStillRequiresLogin() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> client(context).get()
				.uri(DEFAULT_PATH)
				.exchange()
				.expectStatus()
				.isFound()
				.expectHeader()
				.location("/login"));
	}

	@Test
	void withoutTheExemptionSignedDeliveryIsForbiddenBySpringSecurity() {
		this.contextRunner.withUserConfiguration(ChainWithoutWebhookExemption.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			deliver(client(context), DEFAULT_PATH, body, sign(body)).expectStatus().isForbidden();
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@Test
	void springBootDefaultChainIsLeftInPlaceAndStillBlocksDeliveries() {
		this.contextRunner.run((context) -> {
			// no chain bean at all: Spring Security builds its default one
			assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class);
			byte[] body = fixture(RECEIVED_FIXTURE);
			deliver(client(context), DEFAULT_PATH, body, sign(body)).expectStatus().isForbidden();
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@Test
	void exemptionFollowsCustomWebhookPath() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.withPropertyValues("blooio.webhook.path=/hooks/blooio")
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				String signature = sign(body);
				deliver(client(context), DEFAULT_PATH, body, signature).expectStatus().isForbidden();
				deliver(client(context), "/hooks/blooio", body, signature).expectStatus().isOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	@Test
	void exemptionMatchesTheWebhookPathBehindAWebFluxBasePath() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.withPropertyValues("spring.webflux.base-path=/api")
			.run((context) -> {
				// through the HttpHandler, which serves the application under its base
				// path
				WebTestClient client = WebTestClient
					.bindToServer(new HttpHandlerConnector(context.getBean(HttpHandler.class)))
					.baseUrl("http://localhost")
					.build();
				byte[] body = fixture(RECEIVED_FIXTURE);
				deliver(client, "/api" + DEFAULT_PATH, body, sign(body)).expectStatus().isOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	@Test
	void chainThatDisabledCsrfKeepsItDisabled() {
		this.contextRunner.withUserConfiguration(ChainWithoutCsrfAndWithWebhookExemption.class)
			.run((context) -> client(context).mutateWith(mockUser("alice"))
				.post()
				.uri("/orders")
				.exchange()
				.expectStatus()
				.isOk());
	}

	@Test
	void exemptionAfterAnyExchangeFailsAtStartup() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemptionAfterAnyExchange.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("anyExchange"));
	}

	@Test
	void exemptionWorksWithLazyInitialization() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				deliver(client(context), DEFAULT_PATH, body, sign(body)).expectStatus().isOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
	}

	private static WebTestClient.ResponseSpec deliver(WebTestClient client, String path, byte[] body,
			String signature) {
		return client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.bodyValue(body)
			.exchange();
	}

	@Configuration(proxyBeanMethods = false)
	static class AppEndpoints {

		@Bean
		RouterFunction<ServerResponse> appRoutes() {
			return RouterFunctions.route()
				.GET("/account", (request) -> ServerResponse.ok().bodyValue("account"))
				.POST("/orders", (request) -> ServerResponse.ok().bodyValue("ordered"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithWebhookExemption {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
				BlooioWebhookServerSecurity blooioWebhook) {
			return blooioWebhook.permit(http)
				.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithoutWebhookExemption {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithoutCsrfAndWithWebhookExemption {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
				BlooioWebhookServerSecurity blooioWebhook) {
			http.csrf(ServerHttpSecurity.CsrfSpec::disable);
			return blooioWebhook.permit(http)
				.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithWebhookExemptionAfterAnyExchange {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
				BlooioWebhookServerSecurity blooioWebhook) {
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
			return blooioWebhook.permit(http).formLogin(Customizer.withDefaults()).build();
		}

	}

}
