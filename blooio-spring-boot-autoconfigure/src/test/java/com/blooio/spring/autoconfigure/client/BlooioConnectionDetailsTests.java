package com.blooio.spring.autoconfigure.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.HttpHeaders;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.client.BlooioTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioConnectionDetails} in {@link BlooioClientAutoConfiguration}: the
 * properties-based default, and a bean of the application's own replacing it.
 */
class BlooioConnectionDetailsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
						WebClientAutoConfiguration.class, BlooioClientAutoConfiguration.class));

	@Test
	void connectionDetailsAreReadFromPropertiesByDefault() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=bl_from_properties", "blooio.base-url=https://proxy.example.com/v2/api",
					"blooio.v4.base-url=https://proxy.example.com/v4", "blooio.webhook.secret=whsec_from_properties")
			.run((context) -> {
				assertThat(context).hasSingleBean(BlooioConnectionDetails.class)
					.getBean(BlooioConnectionDetails.class)
					.isInstanceOf(PropertiesBlooioConnectionDetails.class);
				BlooioConnectionDetails details = context.getBean(BlooioConnectionDetails.class);
				assertThat(details.getApiKey()).isEqualTo("bl_from_properties");
				assertThat(details.getBaseUrl()).isEqualTo(URI.create("https://proxy.example.com/v2/api"));
				assertThat(details.getV4BaseUrl()).isEqualTo(URI.create("https://proxy.example.com/v4"));
				assertThat(details.getWebhookSecret()).isEqualTo("whsec_from_properties");
			});
	}

	@Test
	void applicationConnectionDetailsReplaceThePropertiesOnesAndTheTemplateCallsItsUrlWithItsKey() throws Exception {
		try (MockWebServer server = new MockWebServer()) {
			server.start();
			server.enqueue(meResponse());
			URI baseUrl = server.url("/proxied/v2/api").uri();
			this.contextRunner
				.withPropertyValues("blooio.api-key=bl_from_properties",
						"blooio.base-url=https://unused.example.com/v2")
				.withBean(BlooioConnectionDetails.class, () -> new FixedConnectionDetails(baseUrl, "bl_from_details"))
				.run((context) -> {
					assertThat(context).hasSingleBean(BlooioConnectionDetails.class)
						.doesNotHaveBean(PropertiesBlooioConnectionDetails.class);
					StepVerifier.create(context.getBean(BlooioTemplate.class).account().me())
						.assertNext((me) -> assertThat(me.valid()).isTrue())
						.expectComplete()
						.verify(TIMEOUT);
					RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
					assertThat(request).isNotNull();
					assertThat(request.getTarget()).startsWith("/proxied/v2/api/");
					assertThat(request.getHeaders().get(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer bl_from_details");
				});
		}
	}

	@Test
	void applicationConnectionDetailsAloneSwitchTheClientOn() {
		this.contextRunner
			.withBean(BlooioConnectionDetails.class,
					() -> new FixedConnectionDetails(URI.create("https://blooio.example.com/v2/api"),
							"bl_only_details"))
			.run((context) -> {
				assertThat(context).hasSingleBean(BlooioOperations.class);
				assertThat(context.getBean(BlooioTemplate.class).getSettings().apiKey()).isEqualTo("bl_only_details");
				assertThat(context.getBean(BlooioTemplate.class).getSettings().baseUrl())
					.isEqualTo(URI.create("https://blooio.example.com/v2/api"));
			});
	}

	@Test
	void applicationConnectionDetailsWithOnlyAKeyUseBlooiosUrls() {
		this.contextRunner.withBean(BlooioConnectionDetails.class, () -> () -> "bl_from_a_vault").run((context) -> {
			BlooioTemplate template = context.getBean(BlooioTemplate.class);
			assertThat(template.getSettings().baseUrl()).isEqualTo(URI.create("https://backend.blooio.com/v2/api"));
			assertThat(template.getSettings().v4BaseUrl()).isEqualTo(URI.create("https://api.blooio.com/v4"));
		});
	}

	@Test
	void propertiesConnectionDetailsAloneDoNotSwitchTheClientOn() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PropertiesBlooioConnectionDetails.class);
			assertThat(context).doesNotHaveBean(BlooioOperations.class);
		});
	}

	private static MockResponse meResponse() {
		return new MockResponse.Builder().code(200)
			.addHeader(HttpHeaders.CONTENT_TYPE, "application/json")
			.body("{\"auth_type\":\"api_key\",\"valid\":true,\"organization_id\":\"org_1\"}")
			.build();
	}

	private record FixedConnectionDetails(URI baseUrl, String apiKey) implements BlooioConnectionDetails {

		@Override
		public URI getBaseUrl() {
			return this.baseUrl;
		}

		@Override
		public String getApiKey() {
			return this.apiKey;
		}

	}

}
