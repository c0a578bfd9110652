package com.blooio.spring.autoconfigure.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.client.exception.BlooioQuotaExceededException;
import com.blooio.spring.client.observation.BlooioObservationFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioObservationAutoConfiguration}: Blooio's tags on the
 * {@code http.client.requests} observations of Boot's WebClient instrumentation, against
 * a {@link MockWebServer}.
 */
class BlooioObservationAutoConfigurationTests {

	private static final String API_KEY = "bl_test_3f9a1c";

	private static final String PHONE = "+15551234567";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private MockWebServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		// The real BLOOIO_API_KEY of whoever runs the build must not switch the client
		// on.
		this.contextRunner = new ApplicationContextRunner()
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					ObservationAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
					BlooioClientAutoConfiguration.class, BlooioObservationAutoConfiguration.class))
			.withUserConfiguration(MetricsConfiguration.class)
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + this.server.url("/v2/api"),
					"blooio.retry.max-attempts=1");
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void successfulSendIsTimedWithOperationNoErrorCodeAndPathTemplate() {
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.contextRunner.run((context) -> {
			send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
			Timer timer = requestsTimer(context);
			assertThat(timer.getId().getTag("blooio.operation")).isEqualTo("sendMessage");
			assertThat(timer.getId().getTag("blooio.error.code")).isEqualTo("none");
			assertThat(timer.getId().getTag("uri")).isEqualTo("/chats/{chatId}/messages");
			assertThat(timer.getId().getTag("status")).isEqualTo("202");
			assertThat(timer.count()).isOne();
		});
	}

	@Test
	void noMeterTagCarriesThePhoneNumber() {
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.contextRunner.run((context) -> {
			send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
			assertThat(context.getBean(MeterRegistry.class).getMeters()).flatMap((meter) -> meter.getId().getTags())
				.extracting(Tag::getValue)
				.isNotEmpty()
				.noneMatch((value) -> value.contains("5551234567"));
		});
	}

	@Test
	void quotaErrorIsTimedWithBlooioErrorCode() {
		this.server.enqueue(json(429, fixture("error-429-outbound-limit.json")));
		this.contextRunner.run((context) -> {
			send(context).expectError(BlooioQuotaExceededException.class).verify(TIMEOUT);
			Timer timer = requestsTimer(context);
			assertThat(timer.getId().getTag("blooio.operation")).isEqualTo("sendMessage");
			assertThat(timer.getId().getTag("blooio.error.code")).isEqualTo("outbound_limit_reached");
			assertThat(timer.getId().getTag("status")).isEqualTo("429");
		});
	}

	@Test
	void errorWithoutCodeIsTimedWithNoErrorCode() {
		this.server.enqueue(json(401, fixture("error-401.json")));
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(BlooioTemplate.class).account().me()).expectError().verify(TIMEOUT);
			Timer timer = requestsTimer(context);
			assertThat(timer.getId().getTag("blooio.operation")).isEqualTo("getMe");
			assertThat(timer.getId().getTag("blooio.error.code")).isEqualTo("none");
			assertThat(timer.getId().getTag("status")).isEqualTo("401");
		});
	}

	@Test
	void errorCodeThatIsNotAnIdentifierIsTimedAsOther() {
		this.server.enqueue(json(400, "{\"code\":\"bad number +15551234567\",\"message\":\"nope\"}"));
		this.contextRunner.run((context) -> {
			send(context).expectError().verify(TIMEOUT);
			assertThat(requestsTimer(context).getId().getTag("blooio.error.code")).isEqualTo("other");
		});
	}

	@Test
	void tracedUrlOfBlooioCallIsThePathTemplate() {
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.contextRunner.run((context) -> {
			send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("http.client.requests")
				.that()
				.hasHighCardinalityKeyValue("http.url", this.server.url("/v2/api") + "/chats/{chatId}/messages");
		});
	}

	@Test
	void applicationObservationConventionStillApplies() {
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.contextRunner.withUserConfiguration(ApplicationConventionConfiguration.class).run((context) -> {
			send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
			Timer timer = requestsTimer(context);
			assertThat(timer.getId().getTag("app.team")).isEqualTo("messaging");
			assertThat(timer.getId().getTag("blooio.operation")).isEqualTo("sendMessage");
			assertThat(timer.getId().getTag("blooio.error.code")).isEqualTo("none");
		});
	}

	@Test
	void otherWebClientCallsAreNotTagged() {
		this.server.enqueue(new MockResponse.Builder().code(204).build());
		this.contextRunner.run((context) -> {
			WebClient other = context.getBean(WebClient.Builder.class).build();
			StepVerifier.create(other.get().uri(this.server.url("/other").uri()).retrieve().toBodilessEntity())
				.expectNextCount(1)
				.expectComplete()
				.verify(TIMEOUT);
			Timer timer = requestsTimer(context);
			assertThat(timer.getId().getTag("status")).isEqualTo("204");
			assertThat(timer.getId().getTag("blooio.operation")).isNull();
			assertThat(timer.getId().getTag("blooio.error.code")).isNull();
		});
	}

	@Test
	void tagsApplyWithLazyInitialization() {
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.contextRunner
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
				assertThat(requestsTimer(context).getId().getTag("blooio.operation")).isEqualTo("sendMessage");
			});
	}

	@Test
	void filterBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(BlooioObservationFilter.class);
			assertThat(context.getBean(BlooioObservationFilter.class)).isSameAs(context.getBean("userFilter"));
		});
	}

	@Test
	void filterIsNotCreatedWithoutObservationRegistryBean() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					BlooioClientAutoConfiguration.class, BlooioObservationAutoConfiguration.class))
			.withPropertyValues("blooio.api-key=" + API_KEY)
			.run((context) -> {
				assertThat(context).hasSingleBean(BlooioTemplate.class);
				assertThat(context).doesNotHaveBean(BlooioObservationFilter.class);
			});
	}

	@Test
	void templateWorksWithoutMicrometerObservation() {
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(BlooioObservationFilter.class);
			send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
		});
	}

	private StepVerifier.FirstStep<?> send(AssertableApplicationContext context) {
		return StepVerifier.create(context.getBean(BlooioTemplate.class).messages().send(PHONE, "hi"));
	}

	private static Timer requestsTimer(AssertableApplicationContext context) {
		Meter meter = context.getBean(MeterRegistry.class).get("http.client.requests").meter();
		assertThat(meter).isInstanceOf(Timer.class);
		return (Timer) meter;
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code)
			.addHeader(HttpHeaders.CONTENT_TYPE, "application/json")
			.body(body)
			.build();
	}

	private static String fixture(String name) {
		try (InputStream in = BlooioObservationAutoConfigurationTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as("fixture " + name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class MetricsConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		DefaultMeterObservationHandler meterObservationHandler(MeterRegistry meterRegistry) {
			return new DefaultMeterObservationHandler(meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationConventionConfiguration {

		@Bean
		ClientRequestObservationConvention teamConvention() {
			return new DefaultClientRequestObservationConvention() {

				@Override
				public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and(KeyValue.of("app.team", "messaging"));
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		BlooioObservationFilter userFilter() {
			return new BlooioObservationFilter();
		}

	}

}
