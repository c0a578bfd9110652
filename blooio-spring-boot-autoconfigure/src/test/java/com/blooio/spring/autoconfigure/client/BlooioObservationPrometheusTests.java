package com.blooio.spring.autoconfigure.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.client.exception.BlooioQuotaExceededException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BlooioObservationAutoConfiguration} as a user sees it in a Prometheus
 * scrape: Spring Boot's own observation, metrics and Prometheus export
 * auto-configurations with a real {@link PrometheusMeterRegistry}, the application's own
 * WebClient and the {@link BlooioTemplate} both calling a {@link MockWebServer}. Every
 * {@code http.client.requests} timer shares one metric name, and only Blooio's carry the
 * {@code blooio_operation} and {@code blooio_error_code} labels.
 */
class BlooioObservationPrometheusTests {

	private static final String API_KEY = "bl_test_3f9a1c";

	private static final String PHONE = "+15551234567";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String TIMER = "http_client_requests_seconds";

	private MockWebServer server;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		// The real BLOOIO_API_KEY of whoever runs the build must not switch the client
		// on. The global registry is left alone so that no meter outlives the context.
		this.contextRunner = new ApplicationContextRunner()
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					PrometheusMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
					BlooioClientAutoConfiguration.class, BlooioObservationAutoConfiguration.class))
			.withPropertyValues("blooio.api-key=" + API_KEY, "blooio.base-url=" + this.server.url("/v2/api"),
					"blooio.retry.max-attempts=1", "management.metrics.use-global-registry=false");
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void scrapeHoldsTheApplicationsOwnClientTimerAndBlooiosTimerWithItsTags() {
		this.server.enqueue(new MockResponse.Builder().code(200).body("in stock").build());
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.contextRunner.run((context) -> {
			callOwnClient(context);
			send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
			List<String> scrape = awaitScrape(context, count(ownLabels()), count(blooioLabels("none", "202")));
			assertThat(series(scrape)).contains(sum(ownLabels()), max(ownLabels()), sum(blooioLabels("none", "202")),
					max(blooioLabels("none", "202")));
			assertThat(scrape).filteredOn((line) -> line.contains("uri=\"/inventory/{sku}\""))
				.hasSize(3)
				.noneMatch((line) -> line.contains("blooio_"));
			assertThat(scrape).filteredOn((line) -> line.startsWith(TIMER + "_count{"))
				.containsExactlyInAnyOrder(count(ownLabels()), count(blooioLabels("none", "202")));
			assertThat(scrape).containsOnlyOnce("# TYPE " + TIMER + " summary", "# TYPE " + TIMER + "_max gauge");
		});
	}

	@Test
	void scrapeHoldsBothTimersWhenBlooiosCallIsTimedBeforeTheApplicationsOwn() {
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.server.enqueue(new MockResponse.Builder().code(200).body("in stock").build());
		this.contextRunner.run((context) -> {
			send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
			callOwnClient(context);
			List<String> scrape = awaitScrape(context, count(blooioLabels("none", "202")), count(ownLabels()));
			assertThat(scrape).filteredOn((line) -> line.startsWith(TIMER + "_count{"))
				.containsExactlyInAnyOrder(count(ownLabels()), count(blooioLabels("none", "202")));
			assertThat(scrape).containsOnlyOnce("# TYPE " + TIMER + " summary", "# TYPE " + TIMER + "_max gauge");
		});
	}

	@Test
	void scrapeHoldsBlooiosErrorCodeOfASendRejectedForItsQuotaNextToTheSuccessfulSend() {
		this.server.enqueue(json(202, fixture("response-send-message.202.json")));
		this.server.enqueue(json(429, fixture("error-429-outbound-limit.json")));
		this.contextRunner.run((context) -> {
			send(context).expectNextCount(1).expectComplete().verify(TIMEOUT);
			send(context).expectError(BlooioQuotaExceededException.class).verify(TIMEOUT);
			List<String> scrape = awaitScrape(context, count(blooioLabels("none", "202")),
					count(blooioLabels("outbound_limit_reached", "429")));
			assertThat(scrape).filteredOn((line) -> line.startsWith(TIMER + "_count{"))
				.containsExactlyInAnyOrder(count(blooioLabels("none", "202")),
						count(blooioLabels("outbound_limit_reached", "429")));
		});
	}

	private void callOwnClient(AssertableApplicationContext context) {
		WebClient inventory = context.getBean(WebClient.Builder.class).baseUrl(this.server.url("/").toString()).build();
		StepVerifier.create(inventory.get().uri("/inventory/{sku}", "sku-42").retrieve().bodyToMono(String.class))
			.expectNext("in stock")
			.expectComplete()
			.verify(TIMEOUT);
	}

	private StepVerifier.FirstStep<?> send(AssertableApplicationContext context) {
		return StepVerifier.create(context.getBean(BlooioTemplate.class).messages().send(PHONE, "hi"));
	}

	/**
	 * Scrapes Boot's {@link PrometheusMeterRegistry} until it holds the given lines: a
	 * WebClient observation may stop just after its caller has seen the response.
	 * @param context the application context
	 * @param lines the lines to wait for
	 * @return the lines of the scrape that holds them
	 */
	private static List<String> awaitScrape(AssertableApplicationContext context, String... lines) {
		assertThat(context).hasSingleBean(PrometheusMeterRegistry.class);
		assertThat(context.getBean(MeterRegistry.class)).isInstanceOf(PrometheusMeterRegistry.class);
		PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(registry.scrape().lines()).contains(lines));
		return registry.scrape().lines().toList();
	}

	/**
	 * The series of a scrape: its sample lines without their values, which are timings.
	 * @param scrape the lines of a scrape
	 * @return the series, e.g. {@code http_client_requests_seconds_sum{uri="/x"}}
	 */
	private static List<String> series(List<String> scrape) {
		return scrape.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.substring(0, line.lastIndexOf(' ')))
			.toList();
	}

	private String ownLabels() {
		return "client_name=\"" + this.server.getHostName() + "\",error=\"none\",exception=\"none\",method=\"GET\","
				+ "outcome=\"SUCCESS\",status=\"200\",uri=\"/inventory/{sku}\"";
	}

	private String blooioLabels(String errorCode, String status) {
		String outcome = status.startsWith("2") ? "SUCCESS" : "CLIENT_ERROR";
		return "blooio_error_code=\"" + errorCode + "\",blooio_operation=\"sendMessage\",client_name=\""
				+ this.server.getHostName() + "\",error=\"none\",exception=\"none\",method=\"POST\",outcome=\""
				+ outcome + "\",status=\"" + status + "\",uri=\"/chats/{chatId}/messages\"";
	}

	private static String count(String labels) {
		return TIMER + "_count{" + labels + "} 1";
	}

	private static String sum(String labels) {
		return TIMER + "_sum{" + labels + "}";
	}

	private static String max(String labels) {
		return TIMER + "_max{" + labels + "}";
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code)
			.addHeader(HttpHeaders.CONTENT_TYPE, "application/json")
			.body(body)
			.build();
	}

	private static String fixture(String name) {
		try (InputStream in = BlooioObservationPrometheusTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as("fixture " + name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
