package com.blooio.spring.autoconfigure.webhook.security;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Tests for {@link BlooioWebhookSecurity} in a Spring MVC application whose own chain
 * requires authentication and CSRF tokens: requests go through the application's Spring
 * Security filter chain and then the webhook endpoint, with {@link MockMvcTester}.
 */
class BlooioWebhookSecurityWebMvcTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
						DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
						SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
						UserDetailsServiceAutoConfiguration.class, BlooioWebhookAutoConfiguration.class,
						BlooioWebhookWebMvcAutoConfiguration.class, BlooioWebhookSecurityAutoConfiguration.class))
		.withUserConfiguration(AppEndpoints.class)
		.withBean(EventRecorder.class)
		// a set password: Boot would otherwise generate one and print it, as a warning,
		// for every context
		.withPropertyValues("blooio.webhook.secret=" + SECRET, "spring.security.user.password=test-only");

	@Test
	void signedDeliveryPassesTheApplicationChainAndReachesTheListener() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(delivery(context, DEFAULT_PATH, body, sign(body))).hasStatusOk()
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("handled");
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void forgedDeliveryIsRejectedByTheWebhookEndpointRatherThanBySpringSecurity() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			String forged = sign("whsec_forged", Instant.now().getEpochSecond(), body);
			assertThat(delivery(context, DEFAULT_PATH, body, forged)).hasStatus(HttpStatus.UNAUTHORIZED)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("bad_signature");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
	}

	@Test
	void authenticatedPostToAnotherEndpointWithoutCsrfTokenIsStillForbidden() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> assertThat(mvc(context).post().uri("/orders").with(user("alice")))
				.hasStatus(HttpStatus.FORBIDDEN));
	}

	@Test
	void anonymousPostToAnotherEndpointWithCsrfTokenStillRequiresLogin() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> assertThat(mvc(context).post().uri("/orders").with(csrf())).hasStatus(HttpStatus.FOUND)
				.hasRedirectedUrl("/login"));
	}

	@Test
	void authenticatedPostToAnotherEndpointWithCsrfTokenIsServed() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> assertThat(mvc(context).post().uri("/orders").with(user("alice")).with(csrf()))
				.hasStatusOk()
				.hasBodyTextEqualTo("ordered"));
	}

	@Test
	void anonymousGetElsewhereStillRequiresLogin() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> assertThat(mvc(context).get().uri("/account")).hasStatus(HttpStatus.FOUND)
				.hasRedirectedUrl("/login"));
	}

	@Test
	void anonymousGetOnTheWebhookPathStillRequiresLogin() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.run((context) -> assertThat(mvc(context).get().uri(DEFAULT_PATH)).hasStatus(HttpStatus.FOUND)
				.hasRedirectedUrl("/login"));
	}

	@Test
	void withoutTheExemptionSignedDeliveryIsForbiddenBySpringSecurity() {
		this.contextRunner.withUserConfiguration(ChainWithoutWebhookExemption.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(delivery(context, DEFAULT_PATH, body, sign(body))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@Test
	void springBootDefaultChainIsLeftInPlaceAndStillBlocksDeliveries() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBeansOfType(SecurityFilterChain.class))
				.containsOnlyKeys("defaultSecurityFilterChain");
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(delivery(context, DEFAULT_PATH, body, sign(body))).hasStatus(HttpStatus.FORBIDDEN);
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
				assertThat(delivery(context, DEFAULT_PATH, body, signature)).hasStatus(HttpStatus.FORBIDDEN);
				assertThat(delivery(context, "/hooks/blooio", body, signature)).hasStatusOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	@Test
	void exemptionMatchesTheWebhookPathBehindAContextPath() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(delivery(context, "/app" + DEFAULT_PATH, body, sign(body)).contextPath("/app")).hasStatusOk();
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void exemptionMatchesTheWebhookPathBehindADispatcherServletPath() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.withPropertyValues("spring.mvc.servlet.path=/api")
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(delivery(context, "/api" + DEFAULT_PATH, body, sign(body)).servletPath("/api"))
					.hasStatusOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	@Test
	void chainThatDisabledCsrfKeepsItDisabled() {
		this.contextRunner.withUserConfiguration(ChainWithoutCsrfAndWithWebhookExemption.class)
			.run((context) -> assertThat(mvc(context).post().uri("/orders").with(user("alice"))).hasStatusOk());
	}

	@Test
	void exemptionAfterAnyRequestFailsAtStartup() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemptionAfterAnyRequest.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("anyRequest"));
	}

	@Test
	void exemptionWorksWithLazyInitialization() {
		this.contextRunner.withUserConfiguration(ChainWithWebhookExemption.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(delivery(context, DEFAULT_PATH, body, sign(body))).hasStatusOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	private static MockMvcTester mvc(WebApplicationContext context) {
		return MockMvcTester.from(context, (builder) -> builder.apply(springSecurity()).build());
	}

	private static MockMvcRequestBuilder delivery(WebApplicationContext context, String uri, byte[] body,
			String signature) {
		return mvc(context).post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.content(body);
	}

	@Configuration(proxyBeanMethods = false)
	static class AppEndpoints {

		@Bean
		RouterFunction<ServerResponse> appRoutes() {
			return RouterFunctions.route()
				.GET("/account", (request) -> ServerResponse.ok().body("account"))
				.POST("/orders", (request) -> ServerResponse.ok().body("ordered"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithWebhookExemption {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http, BlooioWebhookSecurity blooioWebhook) {
			return blooioWebhook.permit(http)
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithoutWebhookExemption {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithoutCsrfAndWithWebhookExemption {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http, BlooioWebhookSecurity blooioWebhook) {
			http.csrf(AbstractHttpConfigurer::disable);
			return blooioWebhook.permit(http)
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithWebhookExemptionAfterAnyRequest {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http, BlooioWebhookSecurity blooioWebhook) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return blooioWebhook.permit(http).formLogin(Customizer.withDefaults()).build();
		}

	}

}
