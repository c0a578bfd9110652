package com.blooio.spring.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.FailingOnceListener;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.receivedBodyOfSize;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutContentLength;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.BOOT_METRICS;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.allDeliveries;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.deliveries;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.lag;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.lagTimers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioWebhookMetricsAutoConfiguration} in a Spring MVC application:
 * every request to the endpoint, whether the pipeline or the endpoint answers it, is
 * counted once with the right tags.
 */
class BlooioWebhookMetricsAutoConfigurationWebMvcTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
						DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withConfiguration(BOOT_METRICS)
		.withConfiguration(AutoConfigurations.of(BlooioWebhookAutoConfiguration.class,
				BlooioWebhookWebMvcAutoConfiguration.class, BlooioWebhookMetricsAutoConfiguration.class))
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	@Test
	void handledDeliveryIsCountedForItsEventAndItsLagRecorded() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			long aMinuteAgo = Instant.now().minus(Duration.ofMinutes(1)).getEpochSecond();
			assertThat(post(context, body, sign(SECRET, aMinuteAgo, body))).hasStatusOk();
			assertThat(deliveries(context, "message.received", "handled")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
			Timer lag = lag(context, "message.received");
			assertThat(lag.count()).isEqualTo(1);
			// t has whole seconds: a minute ago, plus handling time
			assertThat(lag.totalTime(TimeUnit.SECONDS)).isBetween(60.0, 90.0);
		});
	}

	@Test
	void repeatedDeliveryIsCountedOnceHandledAndOnceDuplicate() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			String signature = sign(body);
			assertThat(post(context, body, signature)).hasStatusOk();
			assertThat(post(context, body, signature)).hasStatusOk();
			assertThat(deliveries(context, "message.received", "handled")).isEqualTo(1);
			assertThat(deliveries(context, "message.received", "duplicate")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(2);
			assertThat(lag(context, "message.received").count()).isEqualTo(2);
		});
	}

	@Test
	void listenerFailureIsCountedAsListenerErrorForItsEvent() {
		this.contextRunner.withBean(FailingOnceListener.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(post(context, body, sign(body))).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(deliveries(context, "message.received", "listener_error")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
		assertThat(this.logs.text()).contains(
				"ERROR com.blooio.spring.webhook.BlooioWebhookHandler - A listener failed on Blooio webhook BlooioMessageReceivedEvent")
			.contains("[java.lang.IllegalStateException: Listener failure provoked by the test]");
	}

	@Test
	void unrecognisedEventIsCountedAsOther() {
		this.contextRunner.run((context) -> {
			byte[] body = "{\"event\":\"custom.thing\",\"id\":\"x1\"}".getBytes(StandardCharsets.UTF_8);
			assertThat(post(context, body, sign(body))).hasStatusOk();
			assertThat(deliveries(context, "other", "handled")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	@Test
	void unsignedDeliveryIsCountedAsBadSignatureOfUnknownEventWithoutLag() {
		this.contextRunner.run((context) -> {
			assertThat(MockMvcTester.from(context)
				.post()
				.uri(DEFAULT_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.content(fixture(RECEIVED_FIXTURE))).hasStatus(HttpStatus.UNAUTHORIZED);
			assertThat(deliveries(context, "unknown", "bad_signature")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
			assertThat(lagTimers(context)).isZero();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (MISSING_HEADER): Webhook has no X-Blooio-Signature header");
	}

	@Test
	void staleDeliveryIsCountedAsStaleOfUnknownEvent() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
			assertThat(post(context, body, sign(SECRET, tenMinutesAgo, body))).hasStatus(HttpStatus.UNAUTHORIZED);
			assertThat(deliveries(context, "unknown", "stale")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
			assertThat(lagTimers(context)).isZero();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (TIMESTAMP_OUT_OF_TOLERANCE): Webhook signature timestamp is");
	}

	@Test
	void malformedBodyIsCountedAsMalformedOfUnknownEvent() {
		this.contextRunner.run((context) -> {
			byte[] body = "this is not json".getBytes(StandardCharsets.UTF_8);
			assertThat(post(context, body, sign(body))).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(deliveries(context, "unknown", "malformed")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook: Webhook body is not valid JSON");
	}

	@Test
	void bodyDeclaredLargerThanMaxBodySizeIsCountedAsTooLarge() {
		this.contextRunner.withPropertyValues("blooio.webhook.max-body-size=1KB").run((context) -> {
			byte[] body = receivedBodyOfSize(1025);
			assertThat(post(context, body, sign(body))).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
			assertThat(deliveries(context, "unknown", "too_large")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	@Test
	void chunkedBodyLargerThanMaxBodySizeIsCountedAsTooLarge() {
		this.contextRunner.withPropertyValues("blooio.webhook.max-body-size=1KB").run((context) -> {
			List<Long> contentLengthsSeen = new CopyOnWriteArrayList<>();
			MockMvcTester mvc = MockMvcTester.from(context,
					(builder) -> builder.addFilters(withoutContentLength(contentLengthsSeen)).build());
			byte[] body = receivedBodyOfSize(20_000);
			assertThat(mvc.post()
				.uri(DEFAULT_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.TRANSFER_ENCODING, "chunked")
				.header(SIGNATURE_HEADER, sign(body))
				.content(body)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
			assertThat(contentLengthsSeen).containsExactly(-1L);
			assertThat(deliveries(context, "unknown", "too_large")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	@Test
	void textPlainContentTypeIsCountedAsUnsupportedMediaType() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(MockMvcTester.from(context)
				.post()
				.uri(DEFAULT_PATH)
				.contentType(MediaType.TEXT_PLAIN)
				.header(SIGNATURE_HEADER, sign(body))
				.content(body)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(deliveries(context, "unknown", "unsupported_media_type")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	@Test
	void getIsCountedAsMethodNotAllowed() {
		this.contextRunner.run((context) -> {
			assertThat(MockMvcTester.from(context).get().uri(DEFAULT_PATH)).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
			assertThat(deliveries(context, "unknown", "method_not_allowed")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
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

}
