package com.blooio.spring.autoconfigure.webhook.servlet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
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
import org.springframework.web.filter.CharacterEncodingFilter;

import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.FailingOnceListener;
import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.V4EventRecorder;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.WebhookOutcome;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.concurrently;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.receivedBodyOfSize;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.v4Event;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutContentLength;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioWebhookWebMvcAutoConfiguration}: the webhook endpoint in a
 * Spring MVC application, exercised through {@link MockMvcTester} without a server.
 */
class BlooioWebhookWebMvcAutoConfigurationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
						DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
						BlooioWebhookAutoConfiguration.class, BlooioWebhookWebMvcAutoConfiguration.class))
		.withBean(EventRecorder.class)
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	@Test
	void signedMessageReceivedDeliveryIsAnsweredOkAndPublishesOneReceivedEvent() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(post(context, body, sign(body))).hasStatusOk()
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("handled");
			EventRecorder recorder = context.getBean(EventRecorder.class);
			assertThat(recorder.all()).hasSize(1);
			assertThat(recorder.receivedBy(BlooioMessageReceivedEvent.class)).singleElement()
				.isInstanceOfSatisfying(BlooioMessageReceivedEvent.class, (event) -> {
					assertThat(event.getText()).isEqualTo("Hello, I need help with my order");
					assertThat(event.getSender()).isEqualTo("+15551234567");
					assertThat(event.getChatId()).isEqualTo("+15551234567");
					assertThat(event.getMessageId()).isEqualTo("CZIsqG9ZWd9gwjIEhZpHY");
				});
		});
	}

	@Test
	void answerIsJsonWithItsContentLength() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(post(context, body, sign(body))).hasStatusOk()
				.hasContentType(MediaType.APPLICATION_JSON)
				.hasHeader(HttpHeaders.CONTENT_LENGTH, "21")
				.hasBodyTextEqualTo("{\"outcome\":\"handled\"}");
		});
	}

	@ParameterizedTest(name = "{0} reaches a {1} listener")
	@MethodSource("eventFixtures")
	void eventTypeFixtureReachesListenerOfItsType(String fixtureName, Class<? extends BlooioMessageEvent> type,
			String messageId, String chatId) {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(fixtureName);
			assertThat(post(context, body, sign(body))).hasStatusOk();
			EventRecorder recorder = context.getBean(EventRecorder.class);
			assertThat(recorder.receivedBy(type)).singleElement().isInstanceOfSatisfying(type, (event) -> {
				assertThat(event.getMessageId()).isEqualTo(messageId);
				assertThat(event.getChatId()).isEqualTo(chatId);
			});
			assertThat(recorder.all()).hasSize(1);
		});
	}

	static Stream<Arguments> eventFixtures() {
		return Stream.of(
				Arguments.of("webhook-message.sent.json", listenerOf(BlooioMessageSentEvent.class),
						"gK2Ig_XGR2M6UkSgmT9FK", "+15551234567"),
				Arguments.of("webhook-message.delivered.json", listenerOf(BlooioMessageDeliveredEvent.class),
						"gK2Ig_XGR2M6UkSgmT9FK", "+15551234567"),
				Arguments.of("webhook-message.failed.json", listenerOf(BlooioMessageFailedEvent.class),
						"hL3Jh_YHR3N7VlThNU0GL", "+15550001111"),
				Arguments.of("webhook-message.read.json", listenerOf(BlooioMessageReadEvent.class),
						"gK2Ig_XGR2M6UkSgmT9FK", "+15551234567"),
				Arguments.of("webhook-message.received.group.json", listenerOf(BlooioMessageReceivedEvent.class),
						"Vb7Qk2LmN9pX4rT8sW1yZ", "grp_7f3k2m9q1x"));
	}

	private static Named<Class<? extends BlooioMessageEvent>> listenerOf(Class<? extends BlooioMessageEvent> type) {
		return Named.of(type.getSimpleName(), type);
	}

	@ParameterizedTest(name = "{0} in the guides' envelope")
	@MethodSource("com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport#everyV4EventType")
	void v4EventInTheGuidesEnvelopeReachesItsOwnListenerOnceThoughDeliveredTwice(String type,
			Class<? extends BlooioEvent> eventClass) {
		assertV4EventReachesItsOwnListenerOnce(type, eventClass, false);
	}

	@ParameterizedTest(name = "{0} in the document's envelope")
	@MethodSource("com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport#everyV4EventType")
	void v4EventInTheDocumentsEnvelopeReachesItsOwnListenerOnceThoughDeliveredTwice(String type,
			Class<? extends BlooioEvent> eventClass) {
		assertV4EventReachesItsOwnListenerOnce(type, eventClass, true);
	}

	private void assertV4EventReachesItsOwnListenerOnce(String type, Class<? extends BlooioEvent> eventClass,
			boolean documentShape) {
		this.contextRunner.withBean(V4EventRecorder.class).run((context) -> {
			byte[] body = v4Event("evt_" + type, type, documentShape);
			assertThat(post(context, body, sign(body))).hasStatusOk()
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("handled");
			assertThat(post(context, body, sign(body))).hasStatusOk()
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("duplicate");
			V4EventRecorder recorder = context.getBean(V4EventRecorder.class);
			assertThat(recorder.receivedBy(eventClass)).singleElement()
				.isExactlyInstanceOf(eventClass)
				.extracting((event) -> event.getDelivery().eventId())
				.isEqualTo("evt_" + type);
			assertThat(recorder.all()).hasSize(1);
		});
	}

	@Test
	void sameDeliveryTwiceIsAnsweredOkBothTimesAndPublishedOnce() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			String signature = sign(body);
			assertThat(post(context, body, signature)).hasStatusOk()
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("handled");
			assertThat(post(context, body, signature)).hasStatusOk()
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("duplicate");
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void hundredConcurrentIdenticalDeliveriesPublishOneEvent() {
		this.contextRunner.run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			byte[] body = fixture(RECEIVED_FIXTURE);
			String signature = sign(body);
			List<String> answers = concurrently(100, () -> {
				MvcTestResult result = mvc.post()
					.uri(DEFAULT_PATH)
					.contentType(MediaType.APPLICATION_JSON)
					.header(SIGNATURE_HEADER, signature)
					.content(body)
					.exchange();
				return result.getResponse().getStatus() + " " + result.getResponse().getContentAsString();
			});
			// the others were answered while the first ran (409, to be delivered again)
			// or after it completed (200 duplicate), never 2xx while it ran
			assertThat(answers).containsOnlyOnce("200 " + WebhookOutcome.HANDLED.responseBody())
				.filteredOn((answer) -> !answer.equals("200 " + WebhookOutcome.HANDLED.responseBody()))
				.hasSize(99)
				.allMatch((answer) -> answer.equals("200 " + WebhookOutcome.DUPLICATE.responseBody())
						|| answer.equals("409 " + WebhookOutcome.IN_PROGRESS.responseBody()));
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void deliveryWithoutSignatureIsUnauthorizedAndPublishesNothing() {
		this.contextRunner.run((context) -> {
			assertThat(MockMvcTester.from(context)
				.post()
				.uri(DEFAULT_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.content(fixture(RECEIVED_FIXTURE))).hasStatus(HttpStatus.UNAUTHORIZED)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("bad_signature");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (MISSING_HEADER): Webhook has no X-Blooio-Signature header");
	}

	@Test
	void deliveryWithForgedSignatureIsUnauthorizedAndPublishesNothing() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(post(context, body, sign("whsec_forged", Instant.now().getEpochSecond(), body)))
				.hasStatus(HttpStatus.UNAUTHORIZED)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("bad_signature");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
	}

	@Test
	void deliverySignedTenMinutesAgoIsUnauthorizedAsStale() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
			assertThat(post(context, body, sign(SECRET, tenMinutesAgo, body))).hasStatus(HttpStatus.UNAUTHORIZED)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("stale");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (TIMESTAMP_OUT_OF_TOLERANCE): Webhook signature timestamp is");
	}

	@Test
	void signedNonJsonBodyIsBadRequest() {
		this.contextRunner.run((context) -> {
			byte[] body = "this is not json".getBytes(StandardCharsets.UTF_8);
			assertThat(post(context, body, sign(body))).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("malformed");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook: Webhook body is not valid JSON");
	}

	@Test
	void signedJsonWithoutEventTypeIsBadRequest() {
		this.contextRunner.run((context) -> {
			byte[] body = "{\"message_id\":\"m1\",\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
			assertThat(post(context, body, sign(body))).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("malformed");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook: Webhook names no event type");
	}

	@Test
	void bodyOfExactlyMaxBodySizeIsAccepted() {
		this.contextRunner.withPropertyValues("blooio.webhook.max-body-size=1KB").run((context) -> {
			byte[] body = receivedBodyOfSize(1024);
			assertThat(post(context, body, sign(body))).hasStatusOk();
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void bodyLargerThanMaxBodySizeWithContentLengthIsPayloadTooLarge() {
		this.contextRunner.withPropertyValues("blooio.webhook.max-body-size=1KB").run((context) -> {
			byte[] body = receivedBodyOfSize(1025);
			MvcTestResult result = post(context, body, sign(body));
			assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("too_large");
			assertThat(result.getRequest().getContentLength()).isEqualTo(1025);
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@Test
	void chunkedBodyLargerThanMaxBodySizeIsPayloadTooLarge() {
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
				.content(body)).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("too_large");
			assertThat(contentLengthsSeen).containsExactly(-1L);
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@Test
	void textPlainContentTypeIsUnsupportedMediaType() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(MockMvcTester.from(context)
				.post()
				.uri(DEFAULT_PATH)
				.contentType(MediaType.TEXT_PLAIN)
				.header(SIGNATURE_HEADER, sign(body))
				.content(body)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "*/*", "application/*", "text/*", "application/*+json" })
	void wildcardContentTypeIsUnsupportedMediaType(String contentType) {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(withCharacterEncodingFilter(context).post()
				.uri(DEFAULT_PATH)
				.header(HttpHeaders.CONTENT_TYPE, contentType)
				.header(SIGNATURE_HEADER, sign(body))
				.content(body)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("unsupported_media_type");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "*/*", "application/*", "text/*" })
	void wildcardContentTypeOnAnotherPathIsNotFound(String contentType) {
		this.contextRunner.run((context) -> assertThat(withCharacterEncodingFilter(context).post()
			.uri("/elsewhere")
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.content("x")).hasStatus(HttpStatus.NOT_FOUND));
	}

	@Test
	void malformedContentTypeIsUnsupportedMediaType() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(MockMvcTester.from(context)
				.post()
				.uri(DEFAULT_PATH)
				.header(HttpHeaders.CONTENT_TYPE, "not a media type")
				.header(SIGNATURE_HEADER, sign(body))
				.content(body)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@Test
	void malformedSignatureHeaderIsUnauthorized() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(post(context, body, "t=yesterday,v1=not-hex")).hasStatus(HttpStatus.UNAUTHORIZED)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("bad_signature");
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Rejected Blooio webhook (MALFORMED_HEADER): Webhook X-Blooio-Signature header needs t=<unix seconds> and v1=<hex>");
	}

	@Test
	void getIsMethodNotAllowedWithAllowPost() {
		this.contextRunner.run((context) -> assertThat(MockMvcTester.from(context).get().uri(DEFAULT_PATH))
			.hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.headers()
			.hasValue(HttpHeaders.ALLOW, "POST"));
	}

	@Test
	void listenerFailureIsInternalServerErrorAndRedeliveryIsHandled() {
		this.contextRunner.withBean(FailingOnceListener.class).run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			String signature = sign(body);
			assertThat(post(context, body, signature)).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("listener_error");
			assertThat(post(context, body, signature)).hasStatusOk()
				.bodyJson()
				.extractingPath("$.outcome")
				.isEqualTo("handled");
			FailingOnceListener listener = context.getBean(FailingOnceListener.class);
			assertThat(listener.calls()).isEqualTo(2);
			assertThat(listener.handled()).singleElement()
				.satisfies((event) -> assertThat(event.getMessageId()).isEqualTo("CZIsqG9ZWd9gwjIEhZpHY"));
		});
		assertThat(this.logs.text()).contains(
				"ERROR com.blooio.spring.webhook.BlooioWebhookHandler - A listener failed on Blooio webhook BlooioMessageReceivedEvent")
			.contains("[java.lang.IllegalStateException: Listener failure provoked by the test]");
	}

	@Test
	void customPathServesEndpointAndDefaultPathIsNotFound() {
		this.contextRunner.withPropertyValues("blooio.webhook.path=/hooks/blooio").run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			String signature = sign(body);
			assertThat(post(context, DEFAULT_PATH, body, signature)).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(post(context, "/hooks/blooio", body, signature)).hasStatusOk();
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void deliverySignedWithPreviousSecretIsAccepted() {
		this.contextRunner.withPropertyValues("blooio.webhook.previous-secrets=whsec_old").run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(post(context, body, sign("whsec_old", Instant.now().getEpochSecond(), body))).hasStatusOk();
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void endpointWorksWithLazyInitialization() {
		this.contextRunner
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context.getBeanFactory().getBeanDefinition("blooioWebhookHandlerMapping").isLazyInit())
					.isTrue();
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).hasStatusOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	/**
	 * A client for the context with the request character encoding set, as Spring Boot's
	 * {@code CharacterEncodingFilter} sets it in every servlet application.
	 */
	private static MockMvcTester withCharacterEncodingFilter(WebApplicationContext context) {
		return MockMvcTester.from(context,
				(builder) -> builder.addFilters(new CharacterEncodingFilter("UTF-8", true)).build());
	}

	private static MvcTestResult post(WebApplicationContext context, byte[] body, String signature) {
		return post(context, DEFAULT_PATH, body, signature);
	}

	private static MvcTestResult post(WebApplicationContext context, String path, byte[] body, String signature) {
		return MockMvcTester.from(context)
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.content(body)
			.exchange();
	}

}
