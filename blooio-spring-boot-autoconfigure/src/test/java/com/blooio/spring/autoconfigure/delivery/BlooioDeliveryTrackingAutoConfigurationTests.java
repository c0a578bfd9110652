package com.blooio.spring.autoconfigure.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.delivery.BlooioDeliveryTracker;
import com.blooio.spring.delivery.DeliveryTrackingSettings;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioDeliveryTrackingAutoConfiguration}.
 */
class BlooioDeliveryTrackingAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, BlooioClientAutoConfiguration.class,
				BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class,
				BlooioDeliveryTrackingAutoConfiguration.class));

	@Test
	void trackerIsAvailableWithTheTemplate() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test").run((context) -> {
			assertThat(context).hasSingleBean(BlooioOperations.class);
			assertThat(context).hasSingleBean(BlooioDeliveryTracker.class);
		});
	}

	@Test
	void noTrackerWithoutTheTemplate() {
		this.contextRunner.withPropertyValues("blooio.webhook.secret=whsec_test")
			.run((context) -> assertThat(context).doesNotHaveBean(BlooioDeliveryTracker.class)
				.doesNotHaveBean(DeliveryStatusListener.class));
	}

	@Test
	void statusWebhooksAreNotListenedToWithoutTheWebhookEndpoint() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test")
			.run((context) -> assertThat(context).doesNotHaveBean(DeliveryStatusListener.class));
	}

	@Test
	void statusWebhooksFeedTheTrackerWhenTheWebhookEndpointIsOn() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test")
			.run((context) -> assertThat(context).hasSingleBean(DeliveryStatusListener.class));
	}

	@Test
	void applicationsOwnTrackerIsUsedAndFedByStatusWebhooks() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test")
			.withBean("myTracker", BlooioDeliveryTracker.class,
					() -> new BlooioDeliveryTracker(
							new BlooioTemplate(WebClient.create(), BlooioClientSettings.of("bl_other")).messages(),
							DeliveryTrackingSettings.defaults()))
			.run((context) -> {
				assertThat(context).getBean(BlooioDeliveryTracker.class).isSameAs(context.getBean("myTracker"));
				assertThat(context).hasSingleBean(DeliveryStatusListener.class);
			});
	}

	@Test
	void propertiesBindToThePollingSchedule() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=bl_test", "blooio.delivery-tracking.timeout=30s",
					"blooio.delivery-tracking.poll-interval=500ms", "blooio.delivery-tracking.max-poll-interval=5s")
			.run((context) -> {
				DeliveryTrackingSettings settings = context.getBean(BlooioDeliveryTrackingProperties.class)
					.toSettings(false);
				assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(500));
				assertThat(settings.maxPollInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(settings.statusWebhooks()).isFalse();
			});
	}

	@Test
	void withStatusWebhooksPollingIsASafetyNetAtTheWebhookPollInterval() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=bl_test", "blooio.delivery-tracking.webhook-poll-interval=5m")
			.run((context) -> {
				DeliveryTrackingSettings settings = context.getBean(BlooioDeliveryTrackingProperties.class)
					.toSettings(true);
				assertThat(settings.pollInterval()).isEqualTo(Duration.ofMinutes(5));
				assertThat(settings.maxPollInterval()).isEqualTo(Duration.ofMinutes(5));
				assertThat(settings.statusWebhooks()).isTrue();
			});
	}

	@Test
	void defaultsAreTwoMinutesAndTwoSecondsDoublingToFifteen() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test").run((context) -> {
			BlooioDeliveryTrackingProperties properties = context.getBean(BlooioDeliveryTrackingProperties.class);
			assertThat(properties.getTimeout()).isEqualTo(Duration.ofMinutes(2));
			assertThat(properties.getPollInterval()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.getMaxPollInterval()).isEqualTo(Duration.ofSeconds(15));
			assertThat(properties.getWebhookPollInterval()).isEqualTo(Duration.ofSeconds(30));
		});
	}

	@Test
	void zeroTimeoutFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test", "blooio.delivery-tracking.timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasRootCauseMessage("blooio.delivery-tracking.timeout must be positive"));
	}

	@Test
	void longestPollIntervalShorterThanTheFirstFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=bl_test", "blooio.delivery-tracking.poll-interval=10s",
					"blooio.delivery-tracking.max-poll-interval=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("blooio.delivery-tracking.max-poll-interval"));
	}

	@Test
	void trackerIsAvailableInALazyContext() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test",
					"spring.main.lazy-initialization=true")
			.run((context) -> assertThat(context).hasSingleBean(BlooioDeliveryTracker.class)
				.hasSingleBean(DeliveryStatusListener.class));
	}

}
