package com.blooio.spring.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.FailingOnceListener;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.receivedBodyOfSize;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.BOOT_METRICS;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.allDeliveries;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.deliveries;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.lag;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.lagTimers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioWebhookMetricsAutoConfiguration} in a WebFlux application: every
 * request to the endpoint, whether the pipeline or the endpoint answers it, is counted
 * once with the right tags.
 */
class BlooioWebhookMetricsAutoConfigurationWebFluxTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class))
		.withConfiguration(BOOT_METRICS)
		.withConfiguration(AutoConfigurations.of(BlooioWebhookAutoConfiguration.class,
				BlooioWebhookWebFluxAutoConfiguration.class, BlooioWebhookMetricsAutoConfiguration.class))
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	@Test
	void handledDeliveryIsCountedForItsEventAndItsLagRecorded() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			long aMinuteAgo = Instant.now().minus(Duration.ofMinutes(1)).getEpochSecond();
			post(context, body, sign(SECRET, aMinuteAgo, body)).expectStatus().isOk();
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
			post(context, body, signature).expectStatus().isOk();
			post(context, body, signature).expectStatus().isOk();
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
			post(context, body, sign(body)).expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
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
			post(context, body, sign(body)).expectStatus().isOk();
			assertThat(deliveries(context, "other", "handled")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	@Test
	void unsignedDeliveryIsCountedAsBadSignatureOfUnknownEventWithoutLag() {
		this.contextRunner.run((context) -> {
			client(context).post()
				.uri(DEFAULT_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(fixture(RECEIVED_FIXTURE))
				.exchange()
				.expectStatus()
				.isUnauthorized();
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
			post(context, body, sign(SECRET, tenMinutesAgo, body)).expectStatus().isUnauthorized();
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
			post(context, body, sign(body)).expectStatus().isBadRequest();
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
			post(context, body, sign(body)).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
			assertThat(deliveries(context, "unknown", "too_large")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	@Test
	void chunkedBodyLargerThanMaxBodySizeIsCountedAsTooLarge() {
		this.contextRunner.withPropertyValues("blooio.webhook.max-body-size=1KB").run((context) -> {
			byte[] body = receivedBodyOfSize(1500);
			Flux<DataBuffer> chunks = Flux.just(
					DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(body, 0, 700)),
					DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(body, 700, body.length)));
			client(context).post()
				.uri(DEFAULT_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.header(SIGNATURE_HEADER, sign(body))
				.body(BodyInserters.fromDataBuffers(chunks))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
			assertThat(deliveries(context, "unknown", "too_large")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	@Test
	void textPlainContentTypeIsCountedAsUnsupportedMediaType() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			client(context).post()
				.uri(DEFAULT_PATH)
				.contentType(MediaType.TEXT_PLAIN)
				.header(SIGNATURE_HEADER, sign(body))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(deliveries(context, "unknown", "unsupported_media_type")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	@Test
	void getIsCountedAsMethodNotAllowed() {
		this.contextRunner.run((context) -> {
			client(context).get().uri(DEFAULT_PATH).exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
			assertThat(deliveries(context, "unknown", "method_not_allowed")).isEqualTo(1);
			assertThat(allDeliveries(context)).isEqualTo(1);
		});
	}

	private static WebTestClient.ResponseSpec post(ApplicationContext context, byte[] body, String signature) {
		return client(context).post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.bodyValue(body)
			.exchange();
	}

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).build();
	}

}
