package com.blooio.spring.autoconfigure.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookOutcome;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.reactiveApplicationWithoutServer;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link BlooioWebhookAutoConfiguration}: when the webhook endpoint is
 * registered, for which web stack, how it fails closed, and how its properties bind. Both
 * web stacks are on the test classpath, so each runner is the application type it names.
 */
class BlooioWebhookAutoConfigurationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	// Boot's failure report of the applications these tests make fail on purpose
	@RegisterExtension
	final ExpectedLogs failureReport = ExpectedLogs.ofLoggers("org.springframework.boot.diagnostics",
			"org.springframework.boot.SpringApplication");

	private static final String ROUTE = "blooioWebhookRouterFunction";

	private static final String MVC_MAPPING = "blooioWebhookHandlerMapping";

	private static final AutoConfigurations WEBHOOK = AutoConfigurations.of(BlooioWebhookAutoConfiguration.class,
			BlooioWebhookWebFluxAutoConfiguration.class, BlooioWebhookWebMvcAutoConfiguration.class);

	private static final AutoConfigurations WEBFLUX = AutoConfigurations.of(JacksonAutoConfiguration.class,
			CodecsAutoConfiguration.class, HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class);

	private static final AutoConfigurations WEBMVC = AutoConfigurations.of(JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(WEBFLUX)
		.withConfiguration(WEBHOOK);

	// both stacks' auto-configurations, as in an application that has both on its
	// classpath and so runs as a servlet application
	private final WebApplicationContextRunner servletContextRunner = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(WEBFLUX)
		.withConfiguration(WEBMVC)
		.withConfiguration(WEBHOOK);

	private final ApplicationContextRunner nonWebContextRunner = new ApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(WEBHOOK);

	@Test
	void reactiveApplicationWithSecretGetsWebFluxRoute() {
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasBean(ROUTE);
			assertThat(context.getBean(ROUTE)).isInstanceOf(RouterFunction.class);
			assertThat(context).hasSingleBean(BlooioWebhookHandler.class);
			assertThat(context).getBean(WebhookDeduplicationStore.class)
				.isInstanceOf(InMemoryWebhookDeduplicationStore.class);
		});
	}

	@Test
	void servletApplicationWithSecretGetsWebMvcEndpoint() {
		this.servletContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasBean(MVC_MAPPING);
			assertThat(context.getBean(MVC_MAPPING)).isInstanceOf(SimpleUrlHandlerMapping.class);
			assertThat(context).doesNotHaveBean(org.springframework.web.servlet.function.RouterFunction.class);
			assertThat(context).hasSingleBean(BlooioWebhookHandler.class);
		});
	}

	@Test
	void reactiveApplicationWithoutWebhookPropertiesGetsNoWebhookBeans() {
		this.reactiveContextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ROUTE);
			assertThat(context).doesNotHaveBean(BlooioWebhookHandler.class);
			assertThat(context).doesNotHaveBean(WebhookDeduplicationStore.class);
		});
	}

	@Test
	void servletApplicationWithoutWebhookPropertiesGetsNoWebhookBeans() {
		this.servletContextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MVC_MAPPING);
			assertThat(context).doesNotHaveBean(BlooioWebhookHandler.class);
		});
	}

	@Test
	void disabledEndpointIsNotRegisteredEvenWithSecret() {
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.enabled=false", "blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ROUTE);
				assertThat(context).doesNotHaveBean(BlooioWebhookHandler.class);
			});
	}

	@Test
	void nonWebApplicationWithSecretGetsNoWebhookBeans() {
		this.nonWebContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ROUTE);
			assertThat(context).doesNotHaveBean(BlooioWebhookHandler.class);
		});
	}

	@Test
	void servletApplicationWithBothStacksServesDeliveriesThroughWebMvcEndpoint() {
		this.servletContextRunner.withBean(EventRecorder.class)
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context.getBean(MVC_MAPPING)).isInstanceOf(SimpleUrlHandlerMapping.class);
				assertThat(context).doesNotHaveBean(ROUTE);
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).hasStatusOk();
				assertThat(context.getBean(EventRecorder.class).receivedBy(BlooioMessageReceivedEvent.class))
					.hasSize(1);
			});
	}

	@Test
	void servletApplicationWithoutSpringMvcGetsNoEndpointAndStarts() {
		this.servletContextRunner.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet."))
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(MVC_MAPPING);
				assertThat(context).doesNotHaveBean(ROUTE);
			});
	}

	@Test
	void enabledWithoutSecretFailsStartupWithAnalysisNamingSecretProperty() {
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MissingWebhookSecretFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("blooio.webhook.secret");
			assertThat(analysis.getAction()).contains("blooio.webhook.enabled=false");
		});
	}

	@Test
	void enabledWithoutSecretFailsStartupEvenWithLazyInitialization() {
		this.reactiveContextRunner
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withPropertyValues("blooio.webhook.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new MissingWebhookSecretFailureAnalyzer().analyze(context.getStartupFailure())).isNotNull();
			});
	}

	@Test
	void unrelatedStartupFailureIsNotExplainedAsMissingSecret() {
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.withUserConfiguration(FailingConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new MissingWebhookSecretFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
			});
	}

	@Test
	void failureReportOfSpringApplicationExplainsMissingWebhookSecret() {
		SpringApplication application = reactiveApplicationWithoutServer(EndToEndConfiguration.class);
		// blank values on the command line win over any BLOOIO_WEBHOOK_* of the build
		assertThatException()
			.isThrownBy(() -> application.run("--blooio.webhook.enabled=true", "--blooio.webhook.secret=",
					"--blooio.webhook.allow-unsigned=false", "--spring.main.log-startup-info=false"));
		assertThat(this.failureReport.text()).contains("APPLICATION FAILED TO START")
			.contains("the property 'blooio.webhook.secret' is not set")
			.contains("blooio.webhook.enabled=false");
	}

	@Test
	void allowUnsignedAcceptsUnsignedDeliveryAndLogsWarning() {
		this.reactiveContextRunner.withBean(EventRecorder.class)
			.withPropertyValues("blooio.webhook.allow-unsigned=true")
			.run((context) -> {
				WebTestClient.bindToApplicationContext(context)
					.build()
					.post()
					.uri(DEFAULT_PATH)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(fixture(RECEIVED_FIXTURE))
					.exchange()
					.expectStatus()
					.isOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
				assertThat(this.logs.messages(Level.WARN))
					.anyMatch((message) -> message.startsWith("blooio.webhook.allow-unsigned=true"));
			});
	}

	@Test
	void userDeduplicationStoreReplacesDefaultAndIsUsed() {
		this.servletContextRunner.withBean(RecordingDeduplicationStore.class)
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.deduplication.lease=12s")
			.run((context) -> {
				assertThat(context).hasSingleBean(WebhookDeduplicationStore.class);
				assertThat(context).doesNotHaveBean(InMemoryWebhookDeduplicationStore.class);
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).hasStatusOk();
				assertThat(context.getBean(RecordingDeduplicationStore.class).calls).satisfiesExactly(
						(call) -> assertThat(call).startsWith("claim ").endsWith(" for PT12S"),
						(call) -> assertThat(call).startsWith("complete ").endsWith(" by owner-1"));
			});
	}

	@Test
	void userWebhookHandlerReplacesDefaultAndServesRoute() {
		// enabled without a secret would fail with the default handler
		this.servletContextRunner.withBean(RecordingWebhookHandler.class)
			.withPropertyValues("blooio.webhook.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(BlooioWebhookHandler.class);
				assertThat(context).doesNotHaveBean("blooioWebhookHandler");
				assertThat(context).hasBean(MVC_MAPPING);
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, "unchecked")).hasStatusOk();
				assertThat(context.getBean(RecordingWebhookHandler.class).deliveries).hasValue(1);
			});
	}

	@Test
	void userRouteNamedLikeDefaultReplacesIt() {
		this.reactiveContextRunner.withUserConfiguration(UserRouteConfiguration.class)
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> assertThat(context).getBean(ROUTE).isSameAs(UserRouteConfiguration.ROUTE));
	}

	@Test
	void userHandlerMappingNamedLikeDefaultReplacesIt() {
		SimpleUrlHandlerMapping userMapping = new SimpleUrlHandlerMapping();
		this.servletContextRunner.withBean(MVC_MAPPING, SimpleUrlHandlerMapping.class, () -> userMapping)
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> assertThat(context).getBean(MVC_MAPPING).isSameAs(userMapping));
	}

	@Test
	void webhookPropertiesHaveDefaults() {
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			BlooioProperties.Webhook webhook = context.getBean(BlooioProperties.class).getWebhook();
			assertThat(webhook.getEnabled()).isNull();
			assertThat(webhook.getPath()).isEqualTo("/blooio/webhook");
			assertThat(webhook.getTolerance()).isEqualTo(Duration.ofMinutes(5));
			assertThat(webhook.getMaxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(webhook.isAllowUnsigned()).isFalse();
			assertThat(webhook.getPreviousSecrets()).isEmpty();
			assertThat(webhook.getDeduplication().getStore()).isEqualTo(BlooioProperties.Deduplication.Store.MEMORY);
			assertThat(webhook.getDeduplication().getRetention()).isEqualTo(Duration.ofHours(24));
			assertThat(webhook.getDeduplication().getLease()).isEqualTo(Duration.ofSeconds(30));
			assertThat(webhook.getDeduplication().getMemory().getMaxEntries()).isEqualTo(100_000);
		});
	}

	@Test
	void webhookPropertiesAreBound() {
		this.reactiveContextRunner
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.path=/hooks/blooio",
					"blooio.webhook.tolerance=30s", "blooio.webhook.max-body-size=64KB",
					"blooio.webhook.deduplication.retention=1h", "blooio.webhook.deduplication.lease=10s",
					"blooio.webhook.deduplication.memory.max-entries=500",
					"blooio.webhook.previous-secrets=whsec_old,whsec_older")
			.run((context) -> {
				BlooioProperties.Webhook webhook = context.getBean(BlooioProperties.class).getWebhook();
				assertThat(webhook.getSecret()).isEqualTo(SECRET);
				assertThat(webhook.getPath()).isEqualTo("/hooks/blooio");
				assertThat(webhook.getTolerance()).isEqualTo(Duration.ofSeconds(30));
				assertThat(webhook.getMaxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
				assertThat(webhook.getMaxBodySize().toBytes()).isEqualTo(65_536);
				assertThat(webhook.getDeduplication().getRetention()).isEqualTo(Duration.ofHours(1));
				assertThat(webhook.getDeduplication().getLease()).isEqualTo(Duration.ofSeconds(10));
				assertThat(webhook.getDeduplication().getMemory().getMaxEntries()).isEqualTo(500);
				assertThat(webhook.getPreviousSecrets()).containsExactly("whsec_old", "whsec_older");
				assertThat(webhook.secrets()).containsExactly(SECRET, "whsec_old", "whsec_older");
			});
	}

	@Test
	void deduplicationPropertiesConfigureDefaultStore() {
		this.reactiveContextRunner
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.deduplication.retention=1h",
					"blooio.webhook.deduplication.memory.max-entries=500")
			.run((context) -> assertThat(context).getBean(WebhookDeduplicationStore.class)
				.isInstanceOf(InMemoryWebhookDeduplicationStore.class)
				.hasFieldOrPropertyWithValue("retentionMillis", Duration.ofHours(1).toMillis())
				.hasFieldOrPropertyWithValue("maxEntries", 500));
	}

	@Test
	void deduplicationMaxEntriesBoundsWhatIsRemembered() {
		// with room for one delivery, a second one makes the first forgotten
		this.servletContextRunner.withBean(EventRecorder.class)
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.deduplication.memory.max-entries=1")
			.run((context) -> {
				byte[] received = fixture(RECEIVED_FIXTURE);
				byte[] sent = fixture("webhook-message.sent.json");
				assertThat(post(context, received, sign(received))).hasStatusOk();
				assertThat(post(context, sent, sign(sent))).hasStatusOk();
				assertThat(post(context, received, sign(received))).hasStatusOk()
					.bodyJson()
					.extractingPath("$.outcome")
					.isEqualTo("handled");
				assertThat(context.getBean(EventRecorder.class).receivedBy(BlooioMessageReceivedEvent.class))
					.hasSize(2);
			});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore - The in-memory Blooio webhook de-duplication store is full (1 keys) and dropped a key before its time was up: a redelivery of it would be published again. Raise blooio.webhook.deduplication.memory.max-entries, or share a redis or jdbc store (blooio.webhook.deduplication.store). Logged once; the blooio.webhook.deduplication.early.evictions metric counts them.");
	}

	@Test
	void toleranceIsAppliedToSignatureTimestamps() {
		this.servletContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.tolerance=30s")
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				long oneMinuteAgo = Instant.now().minus(Duration.ofMinutes(1)).getEpochSecond();
				assertThat(post(context, body, sign(SECRET, oneMinuteAgo, body))).hasStatus(HttpStatus.UNAUTHORIZED)
					.bodyJson()
					.extractingPath("$.outcome")
					.isEqualTo("stale");
			});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (TIMESTAMP_OUT_OF_TOLERANCE): Webhook signature timestamp is");
	}

	@Test
	void propertiesToStringDoesNotRevealWebhookSecrets() {
		this.reactiveContextRunner
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.previous-secrets=whsec_old")
			.run((context) -> assertThat(context.getBean(BlooioProperties.class).toString()).doesNotContain(SECRET)
				.doesNotContain("whsec_old")
				.contains("secret=******"));
	}

	@Test
	void startupFailsNamingWebhookPathWhenItDoesNotStartWithSlash() {
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.path=no-slash")
			.run((context) -> {
				assertThat(context).hasFailed();
				BindException bindException = findCause(context.getStartupFailure(), BindException.class);
				assertThat(bindException).as("BindException in %s", context.getStartupFailure()).isNotNull();
				assertThat(bindException.getProperty()).isNotNull();
				assertThat(bindException.getProperty().getName()).hasToString("blooio.webhook.path");
				assertThat(bindException.getProperty().getValue()).hasToString("no-slash");
			});
	}

	private static MvcTestResult post(WebApplicationContext context, byte[] body, String signature) {
		return MockMvcTester.from(context)
			.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.content(body)
			.exchange();
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class })
	static class EndToEndConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingConfiguration {

		@Bean
		String failing() {
			throw new BeanCreationException("failing", "Unrelated failure provoked by the test");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRouteConfiguration {

		static final RouterFunction<ServerResponse> ROUTE = RouterFunctions.route()
			.POST("/custom", (request) -> ServerResponse.ok().build())
			.build();

		@Bean
		RouterFunction<ServerResponse> blooioWebhookRouterFunction() {
			return ROUTE;
		}

	}

	static class RecordingDeduplicationStore implements WebhookDeduplicationStore {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Override
		public Claim claim(String key, Duration lease) {
			this.calls.add("claim " + key + " for " + lease);
			return Claim.claimed("owner-1");
		}

		@Override
		public boolean complete(String key, String owner) {
			this.calls.add("complete " + key + " by " + owner);
			return true;
		}

		@Override
		public boolean release(String key, String owner) {
			this.calls.add("release " + key + " by " + owner);
			return true;
		}

	}

	static class RecordingWebhookHandler extends BlooioWebhookHandler {

		final AtomicInteger deliveries = new AtomicInteger();

		RecordingWebhookHandler() {
			super(null, new InMemoryWebhookDeduplicationStore(1, Duration.ofMinutes(1)), (event) -> {
			});
		}

		@Override
		public WebhookOutcome handle(HttpHeaders headers, byte[] body) {
			this.deliveries.incrementAndGet();
			return WebhookOutcome.HANDLED;
		}

	}

}
