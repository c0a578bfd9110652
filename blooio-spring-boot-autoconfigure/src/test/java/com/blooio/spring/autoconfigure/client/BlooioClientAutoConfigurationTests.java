package com.blooio.spring.autoconfigure.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.client.exception.BlooioRedirectException;
import com.blooio.spring.support.ExpectedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link BlooioClientAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlooioClientAutoConfigurationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	// what Reactor Netty and the mock server say of a connection the client refuses to
	// use
	@RegisterExtension
	final ExpectedLogs transportLogs = ExpectedLogs.ofLoggers("reactor.netty.http.client", "mockwebserver3");

	private static final String BODIES_WARNING = "blooio.logging.include-bodies is on";

	private static final String API_KEY = "bl_test_3f9a1c";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	// The real BLOOIO_API_KEY of whoever runs the build must not switch the client on.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
						WebClientAutoConfiguration.class, BlooioClientAutoConfiguration.class));

	@Test
	void templateIsNotCreatedWithoutApiKey() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(BlooioOperations.class);
		});
	}

	@Test
	void templateIsNotCreatedWithBlankApiKey() {
		this.contextRunner.withPropertyValues("blooio.api-key=   ")
			.run((context) -> assertThat(context).doesNotHaveBean(BlooioOperations.class));
	}

	@Test
	void templateUsesDefaultSettingsWhenOnlyApiKeyIsSet() {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY).run((context) -> {
			assertThat(context).hasSingleBean(BlooioTemplate.class);
			BlooioClientSettings settings = context.getBean(BlooioTemplate.class).getSettings();
			assertThat(settings.apiKey()).isEqualTo(API_KEY);
			assertThat(settings.baseUrl()).isEqualTo(URI.create("https://backend.blooio.com/v2/api"));
			assertThat(settings.defaultFromNumber()).isNull();
			assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(settings.maxAttempts()).isEqualTo(3);
			assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(500));
			assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
			assertThat(settings.logBodies()).isFalse();
		});
	}

	@Test
	void includeBodiesPropertyReachesClientSettings() {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.logging.include-bodies=true")
			.run((context) -> {
				assertThat(context.getBean(BlooioProperties.class).getLogging().isIncludeBodies()).isTrue();
				assertThat(context.getBean(BlooioTemplate.class).getSettings().logBodies()).isTrue();
			});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration - blooio.logging.include-bodies is on: request and response bodies of Blooio API calls, with personal data such as phone numbers and message text, are logged at DEBUG level by com.blooio.spring.client.internal.ApiClient (secrets masked). Turn it off once you are done debugging.");
	}

	@Test
	void includeBodiesLogsOneWarningAtStartup(CapturedOutput output) {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.logging.include-bodies=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(BlooioTemplate.class);
				assertThat(this.logs.messages(Level.WARN)).singleElement()
					.asString()
					.contains(BODIES_WARNING)
					.contains("personal data");
				assertThat(this.logs.text()).doesNotContain(API_KEY);
				assertThat(output).doesNotContain(API_KEY);
			});
	}

	@Test
	void noBodiesWarningIsLoggedByDefault(CapturedOutput output) {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY).run((context) -> {
			assertThat(context).hasSingleBean(BlooioTemplate.class);
			assertThat(this.logs.events()).isEmpty();
			assertThat(output).doesNotContain(BODIES_WARNING);
		});
	}

	@Test
	void apiKeyCanBeSetInCamelCase() {
		this.contextRunner.withPropertyValues("blooio.apiKey=bl_camel")
			.run((context) -> assertThat(context.getBean(BlooioTemplate.class).getSettings().apiKey())
				.isEqualTo("bl_camel"));
	}

	@Test
	void apiKeyCanBeSetWithBlooioApiKeyEnvironmentVariable() {
		// Boot maps BLOOIO_API_KEY only for sources named like the system environment
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("BLOOIO_API_KEY", "bl_env"))))
			.run((context) -> assertThat(context.getBean(BlooioTemplate.class).getSettings().apiKey())
				.isEqualTo("bl_env"));
	}

	@Test
	void apiKeyIsTrimmed() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("BLOOIO_API_KEY", "  bl_padded\n"))))
			.run((context) -> assertThat(context.getBean(BlooioTemplate.class).getSettings().apiKey())
				.isEqualTo("bl_padded"));
	}

	@Test
	void templateBacksOffWhenUserDefinesBlooioOperations() {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY)
			.withUserConfiguration(UserBlooioOperationsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(BlooioOperations.class);
				assertThat(context).doesNotHaveBean(BlooioTemplate.class);
				assertThat(context.getBean(BlooioOperations.class)).isSameAs(context.getBean("userBlooio"));
			});
	}

	@Test
	void propertiesReachClientSettings() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=https://blooio.example.com/v2/api",
					"blooio.default-from-number=+15551234567", "blooio.response-timeout=750ms",
					"blooio.retry.max-attempts=5", "blooio.retry.initial-backoff=100ms", "blooio.retry.max-backoff=2s")
			.run((context) -> {
				BlooioClientSettings settings = context.getBean(BlooioTemplate.class).getSettings();
				assertThat(settings.baseUrl()).isEqualTo(URI.create("https://blooio.example.com/v2/api"));
				assertThat(settings.defaultFromNumber()).isEqualTo("+15551234567");
				assertThat(settings.responseTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(settings.maxAttempts()).isEqualTo(5);
				assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(100));
				assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void propertiesAreBoundToPropertiesBean() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=https://blooio.example.com/v2/api",
					"blooio.default-from-number=+15551234567", "blooio.connect-timeout=2s",
					"blooio.response-timeout=750ms", "blooio.retry.max-attempts=5",
					"blooio.retry.initial-backoff=100ms", "blooio.retry.max-backoff=2s")
			.run((context) -> {
				BlooioProperties properties = context.getBean(BlooioProperties.class);
				assertThat(properties.getApiKey()).isEqualTo(API_KEY);
				assertThat(properties.getBaseUrl()).isEqualTo(URI.create("https://blooio.example.com/v2/api"));
				assertThat(properties.getDefaultFromNumber()).isEqualTo("+15551234567");
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(5);
				assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(100));
				assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void templateWorksWithLazyInitialization() throws Exception {
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			this.contextRunner.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					assertThat(context).hasSingleBean(BlooioTemplate.class);
					BeanDefinition definition = context.getBeanFactory().getBeanDefinition("blooioTemplate");
					assertThat(definition.isLazyInit()).isTrue();
					StepVerifier.create(context.getBean(BlooioTemplate.class).account().me())
						.assertNext((me) -> assertThat(me.valid()).isTrue())
						.expectComplete()
						.verify(TIMEOUT);
					assertThat(takeRequest(server).getHeaders().get(HttpHeaders.AUTHORIZATION))
						.isEqualTo("Bearer " + API_KEY);
				});
		}
	}

	@Test
	void startupFailsNamingRetryMaxAttemptsWhenZero() {
		assertStartupFailsNaming("blooio.retry.max-attempts", "0");
	}

	@Test
	void startupFailsNamingResponseTimeoutWhenNegative() {
		assertStartupFailsNaming("blooio.response-timeout", "-1s");
	}

	@Test
	void startupFailsNamingConnectTimeoutWhenZero() {
		assertStartupFailsNaming("blooio.connect-timeout", "0s");
	}

	@Test
	void v4BaseUrlPropertyReachesClientSettings() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.v4.base-url=https://blooio.example.com/v4")
			.run((context) -> assertThat(context.getBean(BlooioTemplate.class).getSettings().v4BaseUrl())
				.isEqualTo(URI.create("https://blooio.example.com/v4")));
	}

	@Test
	void v4BaseUrlDefaultsToBlooios() {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY)
			.run((context) -> assertThat(context.getBean(BlooioTemplate.class).getSettings().v4BaseUrl())
				.isEqualTo(URI.create("https://api.blooio.com/v4")));
	}

	@Test
	void startupFailsNamingV4BaseUrlWhenNotHttp() {
		assertStartupFailsNaming("blooio.v4.base-url", "ftp://x");
	}

	@Test
	void startupFailsNamingBaseUrlWhenNotAUrl() {
		assertStartupFailsNaming("blooio.base-url", "not a url");
	}

	@Test
	void startupFailsNamingBaseUrlWhenNotHttp() {
		assertStartupFailsNaming("blooio.base-url", "ftp://x");
	}

	@Test
	void startupFailsNamingBaseUrlWhenRelative() {
		assertStartupFailsNaming("blooio.base-url", "/v2/api");
	}

	@Test
	void startupFailsWithBindingFailureWhenRetryMaxBackoffIsLessThanInitialBackoff() {
		assertStartupFailsBindingMaxBackoff("blooio.retry.initial-backoff=5s", "blooio.retry.max-backoff=1s");
	}

	@Test
	void startupFailsNamingRetryMaxBackoffWhenInitialBackoffAloneExceedsItsDefault() {
		assertStartupFailsBindingMaxBackoff("blooio.retry.initial-backoff=20s");
	}

	/**
	 * A binding (validation) failure is what Boot's failure analyzers explain with the
	 * property name, value and origin.
	 */
	private void assertStartupFailsBindingMaxBackoff(String... retryProperties) {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY)
			.withPropertyValues(retryProperties)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(findCause(context.getStartupFailure(), BindException.class))
					.as("BindException in %s", context.getStartupFailure())
					.isNotNull();
				assertThat(causeMessages(context.getStartupFailure()))
					.anyMatch((message) -> message.contains("maxBackoff") || message.contains("max-backoff"));
			});
	}

	@Test
	void retryBackoffsAboveTheDefaultMaxBackoffAreAcceptedWhenBothAreSet() {
		this.contextRunner
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.retry.initial-backoff=20s",
					"blooio.retry.max-backoff=30s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				BlooioClientSettings settings = context.getBean(BlooioTemplate.class).getSettings();
				assertThat(settings.initialBackoff()).isEqualTo(Duration.ofSeconds(20));
				assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void toStringsDoNotRevealApiKey() {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY).run((context) -> {
			BlooioTemplate template = context.getBean(BlooioTemplate.class);
			assertThat(context.getBean(BlooioProperties.class).toString()).doesNotContain(API_KEY);
			assertThat(template.toString()).doesNotContain(API_KEY);
			assertThat(template.getSettings().toString()).doesNotContain(API_KEY);
		});
	}

	@Test
	void blooioWebClientCustomizerIsAppliedToTemplate() throws Exception {
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			this.contextRunner.withUserConfiguration(BlooioCustomizerConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					callMe(context);
					RecordedRequest request = takeRequest(server);
					assertThat(request.getTarget()).isEqualTo("/v2/api/me");
					assertThat(request.getHeaders().get("X-Blooio-Test")).isEqualTo("1");
					assertThat(request.getHeaders().get(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + API_KEY);
				});
		}
	}

	@Test
	void applicationWebClientCustomizerIsAppliedToTemplate() throws Exception {
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			this.contextRunner.withUserConfiguration(ApplicationCustomizerConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					callMe(context);
					assertThat(takeRequest(server).getHeaders().get("X-App")).isEqualTo("app");
				});
		}
	}

	@Test
	void blooioHeadersDoNotLeakIntoApplicationWebClientBuilder() throws Exception {
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			server.enqueue(new MockResponse.Builder().code(204).build());
			this.contextRunner.withUserConfiguration(BlooioCustomizerConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					callMe(context);
					takeRequest(server);
					WebClient other = context.getBean(WebClient.Builder.class).build();
					StepVerifier.create(other.get().uri(server.url("/other").uri()).retrieve().toBodilessEntity())
						.expectNextCount(1)
						.expectComplete()
						.verify(TIMEOUT);
					RecordedRequest request = takeRequest(server);
					assertThat(request.getTarget()).isEqualTo("/other");
					assertThat(request.getHeaders().get(HttpHeaders.AUTHORIZATION)).isNull();
					assertThat(request.getHeaders().get("X-Blooio-Test")).isNull();
				});
		}
	}

	@Test
	void connectTimeoutCustomizerIsRegisteredWhenHttpClientModuleIsPresent() {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.connect-timeout=2s")
			.run((context) -> assertThat(context).hasBean("blooioConnectorCustomizer")
				.getBean("blooioConnectorCustomizer")
				.isInstanceOf(BlooioWebClientCustomizer.class));
	}

	@Test
	void connectTimeoutIsAppliedToConnectorBuiltWithApplicationHttpClientSettings() throws Exception {
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			this.contextRunner.withUserConfiguration(RecordingConnectorBuilderConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"),
						"blooio.connect-timeout=2s", "spring.http.clients.read-timeout=7s")
				.run((context) -> {
					callMe(context);
					List<HttpClientSettings> built = context.getBean(RecordingConnectorBuilder.class).built;
					assertThat(built).anySatisfy((settings) -> {
						assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
						assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(7));
					});
					// the application's own connector keeps the application's connect
					// timeout
					assertThat(built).anySatisfy(
							(settings) -> assertThat(settings.connectTimeout()).isNotEqualTo(Duration.ofSeconds(2)));
				});
		}
	}

	@Test
	void startupBuildsNoConnectorForTheTemplate() {
		this.contextRunner.withUserConfiguration(RecordingConnectorBuilderConfiguration.class)
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.connect-timeout=2s")
			.run((context) -> {
				assertThat(context).hasSingleBean(BlooioTemplate.class);
				assertThat(context.getBean(RecordingConnectorBuilder.class).built).isEmpty();
			});
	}

	@Test
	void blooioWebClientCustomizersRunOnFirstCallNotAtStartup() throws Exception {
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			server.enqueue(meResponse());
			this.contextRunner.withUserConfiguration(CountingCustomizerConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					AtomicInteger customizations = context.getBean("customizations", AtomicInteger.class);
					assertThat(customizations).hasValue(0);
					callMe(context);
					assertThat(customizations).hasValue(1);
					callMe(context);
					assertThat(customizations).hasValue(1);
				});
		}
	}

	@Test
	void failingBlooioWebClientCustomizerFailsTheCallAndNextCallTriesAgain() throws Exception {
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			this.contextRunner.withUserConfiguration(FailingOnceCustomizerConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					StepVerifier.create(context.getBean(BlooioTemplate.class).account().me())
						.expectErrorMessage("customizer failed")
						.verify(TIMEOUT);
					callMe(context);
					assertThat(server.getRequestCount()).isEqualTo(1);
				});
		}
	}

	@Test
	void userBlooioWebClientCustomizerCanReplaceConnectorChosenForConnectTimeout() throws Exception {
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			this.contextRunner.withUserConfiguration(BlooioConnectorCustomizerConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"),
						"blooio.connect-timeout=2s")
				.run((context) -> {
					callMe(context);
					assertThat(context.getBean(RecordingConnector.class).uris)
						.containsExactly(URI.create(server.url("/v2/api/me").toString()));
				});
		}
	}

	@Test
	void applicationClientHttpConnectorIsUsedByTemplate() throws Exception {
		// A ClientHttpConnector bean is how Boot lets an application choose its
		// connector (proxy, wiretap, shared resources); with blooio.connect-timeout
		// unset, the Blooio client should keep it.
		try (MockWebServer server = startServer()) {
			server.enqueue(meResponse());
			this.contextRunner.withUserConfiguration(ApplicationConnectorConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					callMe(context);
					assertThat(context.getBean(RecordingConnector.class).uris)
						.containsExactly(URI.create(server.url("/v2/api/me").toString()));
				});
		}
	}

	@Test
	void templateFollowsNoRedirectThoughBootsConnectorWould() throws Exception {
		assertRedirectToAnotherHostIsAnsweredNotFollowed();
	}

	@Test
	void templateFollowsNoRedirectWithTheJdkHttpClientEither() throws Exception {
		assertRedirectToAnotherHostIsAnsweredNotFollowed("spring.http.clients.reactive.connector=jdk");
	}

	@Test
	void applicationConnectorThatFollowsRedirectsIsKeptButNeverSendsToAnotherHost() throws Exception {
		try (MockWebServer server = startServer(); MockWebServer elsewhere = startServer()) {
			server.enqueue(redirectTo(elsewhere));
			elsewhere.enqueue(meResponse());
			this.contextRunner.withUserConfiguration(FollowingConnectorConfiguration.class)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					StepVerifier.create(context.getBean(BlooioTemplate.class).account().me())
						.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(BlooioRedirectException.class)
							.extracting("statusCode")
							.isNull())
						.verify(TIMEOUT);
					assertThat(elsewhere.getRequestCount()).isZero();
				});
		}
		// Reactor Netty reports the refused redirect; the other host saw a connection but
		// no request
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.transportLogs.text()).contains(
					"The connection observed an error [com.blooio.spring.client.internal.RedirectRefusal$RedirectToAnotherHost"));
		assertThat(this.transportLogs.text().lines()).allSatisfy((line) -> assertThat(line)
			.matches(".*(RedirectToAnotherHost: redirect to http://localhost:\\d+ not followed\\]"
					+ "|connection from /127\\.0\\.0\\.1 didn't make a request)$"));
	}

	private void assertRedirectToAnotherHostIsAnsweredNotFollowed(String... properties) throws Exception {
		try (MockWebServer server = startServer(); MockWebServer elsewhere = startServer()) {
			server.enqueue(redirectTo(elsewhere));
			elsewhere.enqueue(meResponse());
			this.contextRunner.withPropertyValues(properties)
				.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + server.url("/v2/api"))
				.run((context) -> {
					StepVerifier.create(context.getBean(BlooioTemplate.class).account().me())
						.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(BlooioRedirectException.class)
							.extracting("statusCode")
							.isEqualTo(307))
						.verify(TIMEOUT);
					assertThat(elsewhere.getRequestCount()).isZero();
				});
		}
	}

	private static MockResponse redirectTo(MockWebServer elsewhere) {
		return new MockResponse.Builder().code(307)
			.addHeader(HttpHeaders.LOCATION, elsewhere.url("/v2/api/me"))
			.build();
	}

	private void assertStartupFailsNaming(String property, String value) {
		this.contextRunner.withPropertyValues("blooio.api-key=" + API_KEY, property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			// Boot's BindFailureAnalyzer reports this property, its value and origin
			BindException bindException = findCause(context.getStartupFailure(), BindException.class);
			assertThat(bindException).as("BindException in %s", context.getStartupFailure()).isNotNull();
			assertThat(bindException.getProperty()).isNotNull();
			assertThat(bindException.getProperty().getName()).hasToString(property);
			assertThat(bindException.getProperty().getValue()).hasToString(value);
		});
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		return null;
	}

	private static List<String> causeMessages(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			messages.add(String.valueOf(candidate.getMessage()));
		}
		return messages;
	}

	private static void callMe(AssertableApplicationContext context) {
		StepVerifier.create(context.getBean(BlooioTemplate.class).account().me())
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	private static MockWebServer startServer() throws Exception {
		MockWebServer server = new MockWebServer();
		server.start();
		return server;
	}

	private static RecordedRequest takeRequest(MockWebServer server) throws InterruptedException {
		RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("request received by MockWebServer").isNotNull();
		return request;
	}

	private static MockResponse meResponse() {
		return new MockResponse.Builder().code(200)
			.addHeader(HttpHeaders.CONTENT_TYPE, "application/json")
			.body("{\"auth_type\":\"api_key\",\"valid\":true,\"organization_id\":\"org_1\"}")
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBlooioOperationsConfiguration {

		@Bean
		BlooioOperations userBlooio() {
			return mock(BlooioOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlooioCustomizerConfiguration {

		@Bean
		BlooioWebClientCustomizer testHeaderCustomizer() {
			return (builder) -> builder.defaultHeader("X-Blooio-Test", "1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingCustomizerConfiguration {

		@Bean
		AtomicInteger customizations() {
			return new AtomicInteger();
		}

		@Bean
		BlooioWebClientCustomizer countingCustomizer(AtomicInteger customizations) {
			return (builder) -> customizations.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingOnceCustomizerConfiguration {

		@Bean
		BlooioWebClientCustomizer failingOnceCustomizer() {
			AtomicInteger calls = new AtomicInteger();
			return (builder) -> {
				if (calls.incrementAndGet() == 1) {
					throw new IllegalStateException("customizer failed");
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationCustomizerConfiguration {

		@Bean
		WebClientCustomizer appHeaderCustomizer() {
			return (builder) -> builder.defaultHeader("X-App", "app");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingConnectorBuilderConfiguration {

		@Bean
		RecordingConnectorBuilder recordingConnectorBuilder() {
			return new RecordingConnectorBuilder();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlooioConnectorCustomizerConfiguration {

		@Bean
		RecordingConnector recordingConnector() {
			return new RecordingConnector();
		}

		@Bean
		BlooioWebClientCustomizer connectorCustomizer(RecordingConnector recordingConnector) {
			return (builder) -> builder.clientConnector(recordingConnector);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FollowingConnectorConfiguration {

		@Bean
		ClientHttpConnector followingConnector() {
			return new ReactorClientHttpConnector(HttpClient.create().followRedirect(true));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationConnectorConfiguration {

		@Bean
		RecordingConnector recordingConnector() {
			return new RecordingConnector();
		}

	}

	static class RecordingConnectorBuilder implements ClientHttpConnectorBuilder<ClientHttpConnector> {

		final List<HttpClientSettings> built = new CopyOnWriteArrayList<>();

		@Override
		public ClientHttpConnector build(HttpClientSettings settings) {
			this.built.add(settings);
			return ClientHttpConnectorBuilder.reactor().build(settings);
		}

	}

	static class RecordingConnector implements ClientHttpConnector {

		final List<URI> uris = new CopyOnWriteArrayList<>();

		private final ClientHttpConnector delegate = new ReactorClientHttpConnector();

		@Override
		public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
				Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
			this.uris.add(uri);
			return this.delegate.connect(method, uri, requestCallback);
		}

	}

}
