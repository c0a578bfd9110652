package com.blooio.spring.autoconfigure.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.client.AccountOperations;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.account.AccountNumber;
import com.blooio.spring.model.account.Me;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.event.WebhookDelivery;
import com.blooio.spring.webhook.event.safety.BlooioSafetyNumberBannedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link BlooioHealthContributorAutoConfiguration}.
 */
class BlooioHealthContributorAutoConfigurationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	// The real BLOOIO_API_KEY of whoever runs the build must not switch the client on.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(AutoConfigurations.of(BlooioClientAutoConfiguration.class,
				BlooioHealthContributorAutoConfiguration.class));

	@Test
	void contributorIsCreatedWhenApiKeyIsSet() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test_key")
			.run((context) -> assertThat(context).getBean("blooioHealthContributor")
				.isInstanceOf(BlooioHealthIndicator.class));
	}

	@Test
	void safetyEventPublishedInTheApplicationShowsInTheHealth() {
		this.contextRunner.withBean(BlooioOperations.class, () -> blooio(activeNumber(), new AtomicInteger()))
			.run((context) -> {
				context.publishEvent(
						new BlooioSafetyNumberBannedEvent(this, new WebhookDelivery("evt_1", null, null, null), "{}",
								"ch_1", "+15550001111", "dedicated", null));
				Health health = health(context.getBean("blooioHealthContributor"));
				assertThat(health.getDetails().get("safety"))
					.isEqualTo(Map.of("+15550001111", Map.of("banned", true, "allocationType", "dedicated")));
			});
	}

	@Test
	void contributorIsNotCreatedWithoutApiKey() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("blooioHealthContributor");
		});
	}

	@Test
	void contributorChecksAUserDefinedBlooioOperations() {
		this.contextRunner.withBean(BlooioOperations.class, () -> blooio(activeNumber(), new AtomicInteger()))
			.run((context) -> assertThat(health(context.getBean("blooioHealthContributor")).getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void contributorIsNotCreatedWhenDisabled() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test_key", "management.health.blooio.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("blooioHealthContributor"));
	}

	@Test
	void contributorIsNotCreatedWhenDefaultHealthIndicatorsAreDisabled() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test_key", "management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("blooioHealthContributor"));
	}

	@Test
	void userBeanNamedBlooioHealthContributorReplacesIt() {
		ReactiveHealthIndicator own = () -> Mono.just(Health.up().withDetail("own", true).build());
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test_key")
			.withBean("blooioHealthContributor", ReactiveHealthIndicator.class, () -> own)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BlooioHealthIndicator.class);
				assertThat(context).getBean("blooioHealthContributor").isSameAs(own);
			});
	}

	@Test
	void contributorIsNotCreatedWithoutSpringBootHealth() {
		// Imported as an application imports it, so that the auto-configuration filter
		// sees
		// the missing classes before the conditions that need them are loaded
		new ApplicationContextRunner()
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
			.withUserConfiguration(ImportedAsByAnApplication.class)
			.withPropertyValues("blooio.api-key=bl_test_key")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(BlooioOperations.class);
				assertThat(context).doesNotHaveBean("blooioHealthContributor");
			});
	}

	@Test
	void contributorWorksWithLazyInitialization() {
		this.contextRunner.withBean(BlooioOperations.class, () -> blooio(activeNumber(), new AtomicInteger()))
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> assertThat(health(context.getBean("blooioHealthContributor")).getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void resultIsReusedWithinTheDefaultTimeToLive() {
		AtomicInteger calls = new AtomicInteger();
		this.contextRunner.withBean(BlooioOperations.class, () -> blooio(activeNumber(), calls)).run((context) -> {
			Object contributor = context.getBean("blooioHealthContributor");
			health(contributor);
			health(contributor);
			assertThat(calls).hasValue(1);
		});
	}

	@Test
	void cacheTimeToLiveOfZeroChecksAtEveryCall() {
		AtomicInteger calls = new AtomicInteger();
		this.contextRunner.withPropertyValues("blooio.health.cache-time-to-live=0")
			.withBean(BlooioOperations.class, () -> blooio(activeNumber(), calls))
			.run((context) -> {
				Object contributor = context.getBean("blooioHealthContributor");
				health(contributor);
				health(contributor);
				assertThat(calls).hasValue(2);
			});
	}

	@Test
	void negativeCacheTimeToLiveFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test_key", "blooio.health.cache-time-to-live=-1s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.hasRootCauseMessage("blooio.health.cache-time-to-live must not be negative");
			});
	}

	@Test
	void zeroHealthTimeoutFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("blooio.api-key=bl_test_key", "blooio.health.timeout=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure().hasRootCauseMessage("blooio.health.timeout must be positive");
			});
	}

	@Test
	void checkTakingLongerThanTheHealthTimeoutIsDown() {
		AccountOperations account = mock(AccountOperations.class);
		given(account.me()).willReturn(Mono.never());
		BlooioOperations blooio = mock(BlooioOperations.class);
		given(blooio.account()).willReturn(account);
		this.contextRunner.withPropertyValues("blooio.health.timeout=100ms")
			.withBean(BlooioOperations.class, () -> blooio)
			.run((context) -> {
				Health health = health(context.getBean("blooioHealthContributor"));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error", TimeoutException.class.getName());
			});
		assertThat(this.logs.text())
			.contains("WARN com.blooio.spring.autoconfigure.health.BlooioHealthIndicator - Blooio health check failed:")
			.contains("[java.util.concurrent.TimeoutException: ");
	}

	@Test
	void severalBlooioOperationsGetOneIndicatorEachNamedAfterTheirBean() {
		this.contextRunner.withUserConfiguration(TwoAccountsConfiguration.class).run((context) -> {
			assertThat(context).getBean("blooioHealthContributor")
				.isInstanceOf(CompositeReactiveHealthContributor.class);
			CompositeReactiveHealthContributor composite = context.getBean("blooioHealthContributor",
					CompositeReactiveHealthContributor.class);
			assertThat(composite.getContributor("sales")).isInstanceOf(BlooioHealthIndicator.class);
			assertThat(composite.getContributor("support")).isInstanceOf(BlooioHealthIndicator.class);
		});
	}

	@Test
	void contributorIsRegisteredAsBlooio() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class))
			.withBean(BlooioOperations.class, () -> blooio(activeNumber(), new AtomicInteger()))
			.run((context) -> assertThat(
					context.getBean(ReactiveHealthContributorRegistry.class).getContributor("blooio"))
				.isInstanceOf(BlooioHealthIndicator.class));
	}

	@Test
	void noActiveNumberMakesTheHealthEndpointReportOutOfServiceWith503() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withBean(BlooioOperations.class,
					() -> blooio(new AccountNumber("+15551110000", false, null, null), new AtomicInteger()))
			.run((context) -> {
				Status status = context.getBean(HealthEndpoint.class).health().getStatus();
				assertThat(status).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(context.getBean(HttpCodeStatusMapper.class).getStatusCode(status)).isEqualTo(503);
			});
	}

	private static Health health(Object contributor) {
		assertThat(contributor).isInstanceOf(ReactiveHealthContributor.class);
		Health health = ((ReactiveHealthIndicator) contributor).health().block(TIMEOUT);
		assertThat(health).isNotNull();
		return health;
	}

	private static AccountNumber activeNumber() {
		return new AccountNumber("+15559998888", true, Instant.parse("2026-01-01T00:00:00Z"), "dedicated");
	}

	private static BlooioOperations blooio(AccountNumber number, AtomicInteger calls) {
		Me me = new Me("api_key", true, null, "org_1", null, Map.of(), null, List.of(number), null);
		AccountOperations account = mock(AccountOperations.class);
		given(account.me()).willReturn(Mono.fromSupplier(() -> {
			calls.incrementAndGet();
			return me;
		}));
		BlooioOperations blooio = mock(BlooioOperations.class);
		given(blooio.account()).willReturn(account);
		return blooio;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ BlooioClientAutoConfiguration.class, BlooioHealthContributorAutoConfiguration.class })
	static class ImportedAsByAnApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoAccountsConfiguration {

		@Bean
		BlooioOperations sales() {
			return blooio(activeNumber(), new AtomicInteger());
		}

		@Bean
		BlooioOperations support() {
			return blooio(activeNumber(), new AtomicInteger());
		}

	}

}
