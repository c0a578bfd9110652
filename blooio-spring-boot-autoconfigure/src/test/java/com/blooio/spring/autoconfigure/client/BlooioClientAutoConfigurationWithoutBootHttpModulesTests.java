package com.blooio.spring.autoconfigure.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioClientAutoConfiguration} in an application that has WebFlux but
 * neither {@code spring-boot-webclient} nor {@code spring-boot-http-client}: no
 * {@link WebClient.Builder} bean, so the template falls back to
 * {@link WebClient#builder()}.
 */
class BlooioClientAutoConfigurationWithoutBootHttpModulesTests {

	private static final String API_KEY = "bl_test_7d2e0b";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withClassLoader(
				new FilteredClassLoader("org.springframework.boot.http.client", "org.springframework.boot.webclient"))
		.withConfiguration(AutoConfigurations.of(BlooioClientAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void templateIsCreatedWithoutConnectTimeoutCustomizer() {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY).run((context) -> {
			assertThat(context).hasSingleBean(BlooioTemplate.class);
			assertThat(context).doesNotHaveBean(WebClient.Builder.class);
			assertThat(context).doesNotHaveBean("blooioConnectorCustomizer");
		});
	}

	@Test
	void templateSendsApiKeyThroughPlainWebClient() throws Exception {
		this.server.enqueue(meResponse());
		this.contextRunner
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + this.server.url("/v2/api"))
			.run((context) -> {
				callMe(context);
				RecordedRequest request = takeRequest();
				assertThat(request.getTarget()).isEqualTo("/v2/api/me");
				assertThat(request.getHeaders().get(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + API_KEY);
			});
	}

	@Test
	void blooioWebClientCustomizerIsApplied() throws Exception {
		this.server.enqueue(meResponse());
		this.contextRunner.withUserConfiguration(BlooioCustomizerConfiguration.class)
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + this.server.url("/v2/api"))
			.run((context) -> {
				callMe(context);
				assertThat(takeRequest().getHeaders().get("X-Blooio-Test")).isEqualTo("1");
			});
	}

	private static void callMe(AssertableApplicationContext context) {
		StepVerifier.create(context.getBean(BlooioTemplate.class).account().me())
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("request received by MockWebServer").isNotNull();
		return request;
	}

	private static MockResponse meResponse() {
		return new MockResponse.Builder().code(200)
			.addHeader(HttpHeaders.CONTENT_TYPE, "application/json")
			.body("{\"auth_type\":\"api_key\",\"valid\":true}")
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class BlooioCustomizerConfiguration {

		@Bean
		BlooioWebClientCustomizer testHeaderCustomizer() {
			return (builder) -> builder.defaultHeader("X-Blooio-Test", "1");
		}

	}

}
