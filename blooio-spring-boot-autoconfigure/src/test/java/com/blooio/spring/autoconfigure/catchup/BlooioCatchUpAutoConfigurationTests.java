package com.blooio.spring.autoconfigure.catchup;

import java.time.Duration;
import java.time.Instant;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.catchup.BlooioEventCatchUp;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.catchup.CatchUpResult;
import com.blooio.spring.webhook.catchup.InMemoryCatchUpCheckpointStore;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BlooioCatchUpAutoConfiguration}.
 */
class BlooioCatchUpAutoConfigurationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private static final String EMPTY_FEED = "{\"data\":[],\"has_more\":false,\"next_cursor\":null}";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, BlooioClientAutoConfiguration.class,
				BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class,
				BlooioCatchUpAutoConfiguration.class));

	@Test
	void catchUpIsAvailableWithTheClientAndTheWebhookEndpoint() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test")
			.run((context) -> {
				assertThat(context).hasSingleBean(BlooioEventCatchUp.class);
				assertThat(context).getBean(CatchUpCheckpointStore.class)
					.isInstanceOf(InMemoryCatchUpCheckpointStore.class);
				assertThat(context).doesNotHaveBean(CatchUpOnStartup.class);
			});
	}

	@Test
	void noCatchUpWithoutTheWebhookEndpoint() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test")
			.run((context) -> assertThat(context).doesNotHaveBean(BlooioEventCatchUp.class));
	}

	@Test
	void noCatchUpWithoutTheClient() {
		this.contextRunner.withPropertyValues("blooio.webhook.secret=whsec_test")
			.run((context) -> assertThat(context).doesNotHaveBean(BlooioEventCatchUp.class));
	}

	@Test
	void checkpointStoreOfTheApplicationsOwnIsUsed() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test")
			.withBean("myCheckpoints", CatchUpCheckpointStore.class, InMemoryCatchUpCheckpointStore::new)
			.run((context) -> assertThat(context).getBean(CatchUpCheckpointStore.class)
				.isSameAs(context.getBean("myCheckpoints")));
	}

	@Test
	void endpointIsAvailableOnceExposed() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test",
					"management.endpoints.web.exposure.include=blooiocatchup")
			.run((context) -> assertThat(context).hasSingleBean(BlooioCatchUpEndpoint.class));
	}

	@Test
	void endpointIsNotAvailableUnlessExposed() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test")
			.run((context) -> assertThat(context).doesNotHaveBean(BlooioCatchUpEndpoint.class));
	}

	@Test
	void endpointCatchesUpAndAnswersWhatItDid() throws Exception {
		try (MockWebServer blooio = new MockWebServer()) {
			blooio.start();
			blooio.enqueue(json(EMPTY_FEED));
			this.contextRunner
				.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test",
						"blooio.v4.base-url=" + blooio.url("/v4"),
						"management.endpoints.web.exposure.include=blooiocatchup")
				.run((context) -> {
					CatchUpResult result = context.getBean(BlooioCatchUpEndpoint.class).catchUp();
					assertThat(result.read()).isZero();
					assertThat(result.checkpoint()).isNotNull();
					assertThat(blooio.takeRequest().getTarget()).startsWith("/v4/events?limit=200");
				});
		}
	}

	@Test
	void catchUpRunsOnceTheApplicationIsReadyWhenAskedTo() throws Exception {
		try (MockWebServer blooio = new MockWebServer()) {
			blooio.start();
			blooio.enqueue(json(EMPTY_FEED));
			this.contextRunner
				.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test",
						"blooio.v4.base-url=" + blooio.url("/v4"), "blooio.webhook.catch-up.on-startup=true")
				.run((context) -> {
					assertThat(context.getBean(CatchUpCheckpointStore.class).load()).isNull();
					context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
							(ConfigurableApplicationContext) context.getSourceApplicationContext(), Duration.ZERO));
					await().atMost(Duration.ofSeconds(10))
						.until(() -> context.getBean(CatchUpCheckpointStore.class).load() != null);
					assertThat(context.getBean(CatchUpCheckpointStore.class).load())
						.isBefore(Instant.now().plusSeconds(1));
				});
		}
	}

	@Test
	void negativeOverlapFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test",
					"blooio.webhook.catch-up.overlap=-1m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("blooio.webhook.catch-up")
				.hasStackTraceContaining("property overlap")
				.hasStackTraceContaining("must not be negative"));
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}
