package com.blooio.spring.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What decides whether, and how often, a delivery is published, tried from outside on
 * both web stacks as an attacker or Blooio's redeliveries would: only the signed body
 * counts, and a delivery still being handled is never acknowledged.
 */
class WebhookDeliveryDecisionTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
						DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
						BlooioWebhookAutoConfiguration.class, BlooioWebhookWebMvcAutoConfiguration.class))
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
				BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class))
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	@Test
	void servletPublishesACapturedDeliveryOnceHoweverItsUnsignedHeadersAreForged() {
		this.servlet.withBean(EventRecorder.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			String signature = sign(body);
			List<Answer> answers = new ArrayList<>();
			for (int i = 0; i < 21; i++) {
				answers.add(postServlet(context, body, forged(signature, i)));
			}
			assertThat(answers).first().isEqualTo(new Answer(200, "handled", null));
			assertThat(answers.subList(1, answers.size())).containsOnly(new Answer(200, "duplicate", null));
			assertThat(context.getBean(EventRecorder.class).all()).singleElement()
				.isInstanceOf(BlooioMessageReceivedEvent.class);
		});
	}

	@Test
	void reactivePublishesACapturedDeliveryOnceHoweverItsUnsignedHeadersAreForged() {
		this.reactive.withBean(EventRecorder.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			String signature = sign(body);
			List<Answer> answers = new ArrayList<>();
			for (int i = 0; i < 21; i++) {
				answers.add(postReactive(context, body, forged(signature, i)));
			}
			assertThat(answers).first().isEqualTo(new Answer(200, "handled", null));
			assertThat(answers.subList(1, answers.size())).containsOnly(new Answer(200, "duplicate", null));
			assertThat(context.getBean(EventRecorder.class).all()).singleElement()
				.isInstanceOf(BlooioMessageReceivedEvent.class);
		});
	}

	@Test
	void servletAnswersARedeliveryWhileTheFirstAttemptRuns409WithRetryAfterAndHandlesItAfterAFailure() {
		this.servlet.withBean(SlowFailingOnceListener.class).run((context) -> {
			SlowFailingOnceListener listener = context.getBean(SlowFailingOnceListener.class);
			byte[] body = fixture(RECEIVED_FIXTURE);
			CompletableFuture<Answer> first = CompletableFuture
				.supplyAsync(() -> postServlet(context, body, signed(body)));
			listener.awaitFirstRunning();
			Answer redelivery = postServlet(context, body, signed(body));
			listener.releaseFirst();
			assertThat(redelivery).isEqualTo(new Answer(409, "in_progress", "5"));
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Answer(500, "listener_error", null));
			assertThat(postServlet(context, body, signed(body))).isEqualTo(new Answer(200, "handled", null));
			assertThat(listener.handled).hasValue(1);
		});
		assertThat(this.logs.text()).contains(
				"ERROR com.blooio.spring.webhook.BlooioWebhookHandler - A listener failed on Blooio webhook BlooioMessageReceivedEvent")
			.contains("[java.lang.IllegalStateException: First attempt fails after its redelivery arrived]");
	}

	@Test
	void reactiveAnswersARedeliveryWhileTheFirstAttemptRuns409WithRetryAfterAndHandlesItAfterAFailure() {
		this.reactive.withBean(SlowFailingOnceListener.class).run((context) -> {
			SlowFailingOnceListener listener = context.getBean(SlowFailingOnceListener.class);
			byte[] body = fixture(RECEIVED_FIXTURE);
			CompletableFuture<Answer> first = CompletableFuture
				.supplyAsync(() -> postReactive(context, body, signed(body)));
			listener.awaitFirstRunning();
			Answer redelivery = postReactive(context, body, signed(body));
			listener.releaseFirst();
			assertThat(redelivery).isEqualTo(new Answer(409, "in_progress", "5"));
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Answer(500, "listener_error", null));
			assertThat(postReactive(context, body, signed(body))).isEqualTo(new Answer(200, "handled", null));
			assertThat(listener.handled).hasValue(1);
		});
		assertThat(this.logs.text()).contains(
				"ERROR com.blooio.spring.webhook.BlooioWebhookHandler - A listener failed on Blooio webhook BlooioMessageReceivedEvent")
			.contains("[java.lang.IllegalStateException: First attempt fails after its redelivery arrived]");
	}

	@Test
	void servletHandlesATimestampBeyondTheRangeOfLongInsteadOfFailingWith500() {
		this.servlet.withBean(EventRecorder.class).run((context) -> {
			byte[] body = outOfRangeTimestamps();
			assertThat(postServlet(context, body, signed(body))).isEqualTo(new Answer(200, "handled", null));
			assertThat(context.getBean(EventRecorder.class).all()).singleElement()
				.satisfies((event) -> assertThat(((BlooioMessageReceivedEvent) event).getEventTime()).isNull());
		});
	}

	@Test
	void reactiveHandlesATimestampBeyondTheRangeOfLongInsteadOfFailingWith500() {
		this.reactive.withBean(EventRecorder.class).run((context) -> {
			byte[] body = outOfRangeTimestamps();
			assertThat(postReactive(context, body, signed(body))).isEqualTo(new Answer(200, "handled", null));
			assertThat(context.getBean(EventRecorder.class).all()).singleElement()
				.satisfies((event) -> assertThat(((BlooioMessageReceivedEvent) event).getEventTime()).isNull());
		});
	}

	private static byte[] outOfRangeTimestamps() {
		return ("{\"event\":\"message.received\",\"message_id\":\"m-huge\",\"external_id\":\"+15551234567\","
				+ "\"timestamp\":1e999999,\"received_at\":" + "9".repeat(300) + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static HttpHeaders signed(byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(SIGNATURE_HEADER, sign(body));
		return headers;
	}

	/**
	 * The headers of a captured delivery resent with unsigned headers of the sender's
	 * choosing, different each time.
	 */
	private static HttpHeaders forged(String signature, int attempt) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(SIGNATURE_HEADER, signature);
		headers.set("X-Blooio-Replay", "true");
		headers.set("X-Original-Event-Id", "evt_forged_" + attempt);
		headers.set("X-Blooio-Message-Id", "forged_" + attempt);
		headers.set("X-Blooio-Event", "message.failed");
		return headers;
	}

	private static Answer postServlet(WebApplicationContext context, byte[] body, HttpHeaders headers) {
		MvcTestResult result = MockMvcTester.from(context)
			.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((all) -> all.addAll(headers))
			.content(body)
			.exchange();
		return Answer.of(result.getResponse().getStatus(),
				new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8),
				result.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
	}

	private static Answer postReactive(ApplicationContext context, byte[] body, HttpHeaders headers) {
		EntityExchangeResult<String> result = WebTestClient.bindToApplicationContext(context)
			.build()
			.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((all) -> all.addAll(headers))
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		return Answer.of(result.getStatus().value(), result.getResponseBody(),
				result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
	}

	/**
	 * What Blooio got back: status, outcome and {@code Retry-After}.
	 */
	record Answer(int status, String outcome, String retryAfter) {

		static Answer of(int status, String body, String retryAfter) {
			String outcome = body.replaceAll("^\\{\"outcome\":\"([a-z_]+)\"}$", "$1");
			return new Answer(status, outcome, retryAfter);
		}

	}

	/**
	 * Its first call runs until the test releases it, then fails; later calls succeed.
	 */
	static class SlowFailingOnceListener {

		private final AtomicInteger calls = new AtomicInteger();

		private final CountDownLatch firstRunning = new CountDownLatch(1);

		private final CountDownLatch releaseFirst = new CountDownLatch(1);

		final AtomicInteger handled = new AtomicInteger();

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) throws InterruptedException {
			if (this.calls.getAndIncrement() == 0) {
				this.firstRunning.countDown();
				assertThat(this.releaseFirst.await(10, TimeUnit.SECONDS)).isTrue();
				throw new IllegalStateException("First attempt fails after its redelivery arrived");
			}
			this.handled.incrementAndGet();
		}

		void awaitFirstRunning() throws InterruptedException {
			assertThat(this.firstRunning.await(10, TimeUnit.SECONDS)).as("first attempt running").isTrue();
		}

		void releaseFirst() {
			this.releaseFirst.countDown();
		}

	}

}
