package com.blooio.spring.autoconfigure.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfigurationTests.RecordingDeduplicationStore;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.catchup.InMemoryCatchUpCheckpointStore;
import com.blooio.spring.webhook.catchup.RedisCatchUpCheckpointStore;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.RedisWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link RedisStoreConfiguration}: when the Redis de-duplication store is
 * created, from which properties, and how start-up fails without a Redis to reach. No
 * Redis server is needed: the connection factory connects on first use. Behaviour against
 * a real server is in {@link RedisWebhookDeduplicationIntegrationTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisStoreConfigurationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	// Boot's failure report of the applications these tests make fail on purpose
	@RegisterExtension
	final ExpectedLogs failureReport = ExpectedLogs.ofLoggers("org.springframework.boot.diagnostics",
			"org.springframework.boot.SpringApplication");

	private static final String REDIS_STORE = "blooio.webhook.deduplication.store=redis";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(
				AutoConfigurations.of(DataRedisAutoConfiguration.class, BlooioWebhookAutoConfiguration.class))
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	private final WebApplicationContextRunner withoutRedisAutoConfiguration = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(BlooioWebhookAutoConfiguration.class))
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	@Test
	void redisStoreIsCreatedOnTheApplicationsRedisConnectionFactoryAndUsedByTheHandler() {
		this.contextRunner.withPropertyValues(REDIS_STORE).run((context) -> {
			assertThat(context).hasSingleBean(RedisConnectionFactory.class);
			assertThat(context).hasSingleBean(WebhookDeduplicationStore.class);
			assertThat(context).getBean(WebhookDeduplicationStore.class)
				.isInstanceOf(RedisWebhookDeduplicationStore.class);
			assertThat(context.getBean(BlooioWebhookHandler.class)).extracting("deduplicationStore")
				.isSameAs(context.getBean(WebhookDeduplicationStore.class));
		});
	}

	@Test
	void redisStoreTakesItsKeyPrefixAndRetentionFromProperties() {
		this.contextRunner
			.withPropertyValues(REDIS_STORE, "blooio.webhook.deduplication.redis.key-prefix=app1:dedup:",
					"blooio.webhook.deduplication.retention=2h")
			.run((context) -> assertThat(context).getBean(RedisWebhookDeduplicationStore.class)
				.hasFieldOrPropertyWithValue("keyPrefix", "app1:dedup:")
				.hasFieldOrPropertyWithValue("retention", Duration.ofHours(2)));
	}

	@Test
	void redisStoreHasTheDefaultKeyPrefix() {
		this.contextRunner.withPropertyValues(REDIS_STORE)
			.run((context) -> assertThat(context.getBean(RedisWebhookDeduplicationStore.class).getKeyPrefix())
				.isEqualTo("blooio:webhook:deduplication:")
				.isEqualTo(RedisWebhookDeduplicationStore.DEFAULT_KEY_PREFIX));
	}

	@Test
	void catchUpCheckpointIsKeptInRedisUnderTheDefaultKeyPrefix() {
		this.contextRunner.withPropertyValues(REDIS_STORE).run((context) -> {
			assertThat(context).hasSingleBean(CatchUpCheckpointStore.class);
			assertThat(context).getBean(CatchUpCheckpointStore.class)
				.isInstanceOf(RedisCatchUpCheckpointStore.class)
				.extracting("key")
				.isEqualTo("blooio:webhook:deduplication:catch-up:checkpoint");
		});
	}

	@Test
	void catchUpCheckpointKeyFollowsTheDeduplicationKeyPrefix() {
		this.contextRunner.withPropertyValues(REDIS_STORE, "blooio.webhook.deduplication.redis.key-prefix=app1:dedup:")
			.run((context) -> assertThat(context.getBean(RedisCatchUpCheckpointStore.class).getKey())
				.isEqualTo("app1:dedup:catch-up:checkpoint"));
	}

	@Test
	void catchUpCheckpointInRedisIsLoggedAtStartup(CapturedOutput output) {
		this.contextRunner.withPropertyValues(REDIS_STORE)
			.run((context) -> assertThat(output.getAll().lines())
				.anyMatch((line) -> line.contains("INFO") && line.contains("Blooio catch-up checkpoint: in Redis")
						&& line.contains("blooio:webhook:deduplication:catch-up:checkpoint")));
	}

	@Test
	void userCatchUpCheckpointStoreIsUsedEvenWithRedisChosen() {
		this.contextRunner
			.withBean("userCheckpoints", CatchUpCheckpointStore.class, InMemoryCatchUpCheckpointStore::new)
			.withPropertyValues(REDIS_STORE)
			.run((context) -> {
				assertThat(context).hasSingleBean(CatchUpCheckpointStore.class);
				assertThat(context).doesNotHaveBean(RedisCatchUpCheckpointStore.class);
				assertThat(context).hasSingleBean(RedisWebhookDeduplicationStore.class);
			});
	}

	@Test
	void catchUpCheckpointStaysInRedisWhenTheUserDeclaresTheDeduplicationStore() {
		this.contextRunner.withBean(RecordingDeduplicationStore.class)
			.withPropertyValues(REDIS_STORE)
			.run((context) -> {
				assertThat(context).hasSingleBean(RecordingDeduplicationStore.class);
				assertThat(context).getBean(CatchUpCheckpointStore.class)
					.isInstanceOf(RedisCatchUpCheckpointStore.class);
			});
	}

	@Test
	void noCatchUpCheckpointStoreWhenTheUserDeclaresTheDeduplicationStoreAndThereIsNoRedis() {
		// start-up does not fail for the checkpoint: catch-up keeps it in memory then
		this.withoutRedisAutoConfiguration.withBean(RecordingDeduplicationStore.class)
			.withPropertyValues(REDIS_STORE)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CatchUpCheckpointStore.class);
			});
	}

	@Test
	void noCatchUpCheckpointStoreInRedisWithTheMemoryStore() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(RedisCatchUpCheckpointStore.class));
	}

	@Test
	void redisStoreIsLoggedAtStartup(CapturedOutput output) {
		this.contextRunner.withPropertyValues(REDIS_STORE, "blooio.webhook.deduplication.lease=45s")
			.run((context) -> assertThat(output.getAll().lines())
				.anyMatch((line) -> line.contains("INFO") && line.contains("Blooio webhook de-duplication: in Redis")
						&& line.contains("blooio:webhook:deduplication:*") && line.contains("lease PT45S")));
	}

	@Test
	void redisStoreIsNotLoggedWithThePassword(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues(REDIS_STORE, "spring.data.redis.url=redis://user:s3cr3t-pw@127.0.0.1:6379")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisWebhookDeduplicationStore.class);
				assertThat(output).doesNotContain("s3cr3t-pw");
				assertThat(this.logs.text()).doesNotContain("s3cr3t-pw");
				assertThat(context.getBean(RedisWebhookDeduplicationStore.class).toString())
					.doesNotContain("s3cr3t-pw");
			});
	}

	@Test
	void memoryStaysTheDefaultWithRedisOnTheClasspath() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisConnectionFactory.class);
			assertThat(context).getBean(WebhookDeduplicationStore.class)
				.isInstanceOf(InMemoryWebhookDeduplicationStore.class);
		});
	}

	@Test
	void userDeduplicationStoreIsUsedEvenWithRedisChosen() {
		this.contextRunner.withBean(RecordingDeduplicationStore.class)
			.withPropertyValues(REDIS_STORE)
			.run((context) -> {
				assertThat(context).hasSingleBean(WebhookDeduplicationStore.class);
				assertThat(context).hasSingleBean(RecordingDeduplicationStore.class);
			});
	}

	@Test
	void userDeduplicationStoreIsUsedWithRedisChosenButNoSpringDataRedis() {
		this.withoutRedisAutoConfiguration.withClassLoader(new FilteredClassLoader("org.springframework.data.redis."))
			.withBean(RecordingDeduplicationStore.class)
			.withPropertyValues(REDIS_STORE)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(RecordingDeduplicationStore.class);
				assertThat(context).doesNotHaveBean(CatchUpCheckpointStore.class);
			});
	}

	@Test
	void redisStoreWithoutRedisConnectionFactoryFailsWithAnalysisNamingTheStorePropertyAndTheStarter() {
		this.withoutRedisAutoConfiguration.withPropertyValues(REDIS_STORE).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'blooio.webhook.deduplication.store' is 'redis'")
				.contains("no RedisConnectionFactory bean");
			assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis")
				.contains("spring.data.redis.")
				.contains("'blooio.webhook.deduplication.store'");
		});
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsWithAnalysisNamingTheStorePropertyAndTheStarter() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis."))
			.withPropertyValues(REDIS_STORE)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'blooio.webhook.deduplication.store' is 'redis'")
					.contains("Spring Data Redis is not on the classpath");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis");
			});
	}

	@Test
	void redisStoreWithoutRedisConnectionFactoryFailsEvenWithLazyInitialization() {
		new ReactiveWebApplicationContextRunner().withInitializer(withoutSystemEnvironment())
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
					BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class))
			.withPropertyValues("blooio.webhook.secret=" + SECRET, REDIS_STORE)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure())).isNotNull();
			});
	}

	@Test
	void unrelatedStartupFailureIsNotExplainedAsMissingRedis() {
		this.withoutRedisAutoConfiguration
			.withPropertyValues(REDIS_STORE, "blooio.webhook.deduplication.redis.key-prefix=")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure())).isNull();
			});
	}

	@Test
	void failureReportOfSpringApplicationExplainsMissingRedis() {
		SpringApplication application = new SpringApplication(EndToEndConfiguration.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		// a servlet context without a web server: enough for the web conditions
		application.setApplicationContextFactory(
				ApplicationContextFactory.of(AnnotationConfigServletWebApplicationContext::new));
		application.setBannerMode(Banner.Mode.OFF);
		assertThatException().isThrownBy(() -> application.run("--blooio.webhook.secret=" + SECRET, "--" + REDIS_STORE,
				"--spring.main.log-startup-info=false"));
		assertThat(this.failureReport.text()).contains("APPLICATION FAILED TO START")
			.contains("'blooio.webhook.deduplication.store' is 'redis'")
			.contains("spring-boot-starter-data-redis")
			.doesNotContain("NoSuchBeanDefinitionException");
	}

	private static FailureAnalysis analyze(Throwable failure) {
		return new NoRedisConnectionFactoryFailureAnalyzer().analyze(failure);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BlooioWebhookAutoConfiguration.class)
	static class EndToEndConfiguration {

	}

}
