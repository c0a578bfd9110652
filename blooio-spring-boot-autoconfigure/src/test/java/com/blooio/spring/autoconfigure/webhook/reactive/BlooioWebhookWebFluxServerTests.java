package com.blooio.spring.autoconfigure.webhook.reactive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.ErrorLogRecorder;
import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioWebhookWebFluxAutoConfiguration} on a real Netty server, with
 * the WebFlux auto-configurations every application gets, driven over HTTP from outside
 * as Blooio, or anyone else, would.
 */
class BlooioWebhookWebFluxServerTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final ReactiveWebApplicationContextRunner withoutBlooio = new ReactiveWebApplicationContextRunner(
			AnnotationConfigReactiveWebServerApplicationContext::new)
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
				WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class))
		.withUserConfiguration(OrdersController.class)
		.withPropertyValues("server.port=0");

	private final ReactiveWebApplicationContextRunner contextRunner = this.withoutBlooio
		.withConfiguration(AutoConfigurations.of(BlooioWebhookAutoConfiguration.class,
				BlooioWebhookWebFluxAutoConfiguration.class))
		.withBean(EventRecorder.class)
		.withPropertyValues("blooio.webhook.secret=" + SECRET);

	@Test
	void signedDeliveryIsHandled() {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(context, DEFAULT_PATH))
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.header(SIGNATURE_HEADER, sign(body))
				.POST(BodyPublishers.ofByteArray(body)));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"outcome\":\"handled\"}");
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "*/*", "application/*", "text/*" })
	void wildcardContentTypeOnTheWebhookPathIsUnsupportedMediaTypeAndLogsNoError(String contentType) {
		this.contextRunner.run((context) -> {
			byte[] body = fixture(RECEIVED_FIXTURE);
			try (ErrorLogRecorder log = ErrorLogRecorder.start()) {
				HttpResponse<String> response = send(HttpRequest.newBuilder(uri(context, DEFAULT_PATH))
					.header(HttpHeaders.CONTENT_TYPE, contentType)
					.header(SIGNATURE_HEADER, sign(body))
					.POST(BodyPublishers.ofByteArray(body)));
				assertThat(response.statusCode()).isEqualTo(415);
				assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
					.hasValue(MediaType.APPLICATION_JSON_VALUE);
				assertThat(response.body()).isEqualTo("{\"outcome\":\"unsupported_media_type\"}");
				assertThat(log.errors()).isEmpty();
			}
			assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "*/*", "application/*", "text/*" })
	void wildcardContentTypeOnAnUnmappedPathIsAnsweredAsWithoutTheStarter(String contentType) {
		int withoutStarter = postOneByte(this.withoutBlooio, "/unmapped", contentType);
		assertThat(withoutStarter).isEqualTo(404);
		assertThat(postOneByte(this.contextRunner, "/unmapped", contentType)).isEqualTo(withoutStarter);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "*/*", "application/*", "text/*" })
	void wildcardContentTypeReachesTheApplicationsOwnControllerAsWithoutTheStarter(String contentType) {
		int withoutStarter = postOneByte(this.withoutBlooio, "/orders", contentType);
		assertThat(withoutStarter).isEqualTo(200);
		assertThat(postOneByte(this.contextRunner, "/orders", contentType)).isEqualTo(withoutStarter);
	}

	/**
	 * Posts one byte and returns the status, asserting that nothing was logged as an
	 * error.
	 */
	private static int postOneByte(ReactiveWebApplicationContextRunner runner, String path, String contentType) {
		int[] status = new int[1];
		runner.run((context) -> {
			try (ErrorLogRecorder log = ErrorLogRecorder.start()) {
				status[0] = send(HttpRequest.newBuilder(uri(context, path))
					.header(HttpHeaders.CONTENT_TYPE, contentType)
					.POST(BodyPublishers.ofString("x"))).statusCode();
				assertThat(log.errors()).isEmpty();
			}
		});
		return status[0];
	}

	private static URI uri(AssertableReactiveWebApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context.getSourceApplicationContext()).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return CLIENT.send(request.build(), BodyHandlers.ofString());
	}

	@RestController
	static class OrdersController {

		@PostMapping("/orders")
		String order() {
			return "accepted";
		}

	}

}
