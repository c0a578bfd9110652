package com.blooio.spring.autoconfigure.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter on a real server of each web stack with
 * {@code spring.threads.virtual.enabled=true}: a signed webhook reaches a listener, which
 * answers the sender through {@link BlooioOperations}, blocking as listeners may, and the
 * answer reaches Blooio (a {@link MockWebServer} standing in for it). From Java 21 the
 * listener runs on a virtual thread: Tomcat's on the servlet stack, the endpoint's own on
 * WebFlux. On Java 17 Spring Boot ignores the property, and the listener runs on a
 * platform thread of the same owner.
 */
class BlooioVirtualThreadsServerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final boolean VIRTUAL_THREADS = Runtime.version().feature() >= 21;

	private MockWebServer blooio;

	@BeforeEach
	void startBlooio() throws IOException {
		this.blooio = new MockWebServer();
		this.blooio.start();
		this.blooio.enqueue(new MockResponse.Builder().code(202)
			.addHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body("{\"message_id\":\"reply-1\",\"status\":\"queued\"}")
			.build());
	}

	@AfterEach
	void stopBlooio() {
		this.blooio.close();
	}

	@Test
	void tomcatHandsTheWebhookToTheListenerWhichRepliesThroughBlooio() {
		WebApplicationContextRunner runner = configure(
				new WebApplicationContextRunner(AnnotationConfigServletWebServerApplicationContext::new)
					.withConfiguration(AutoConfigurations.of(HttpMessageConvertersAutoConfiguration.class,
							TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
							WebMvcAutoConfiguration.class, BlooioWebhookWebMvcAutoConfiguration.class)));
		runner.run((context) -> {
			Thread listenerThread = deliverAndAwaitReply(context);
			// the listener runs on the request's thread, which Tomcat takes from its pool
			if (VIRTUAL_THREADS) {
				assertThat(isVirtual(listenerThread)).isTrue();
			}
			else {
				assertThat(isVirtual(listenerThread)).isFalse();
				assertThat(listenerThread.getName()).contains("-exec-");
			}
		});
	}

	@Test
	void nettyHandsTheWebhookToTheListenerWhichRepliesThroughBlooio() {
		ReactiveWebApplicationContextRunner runner = configure(
				new ReactiveWebApplicationContextRunner(AnnotationConfigReactiveWebServerApplicationContext::new)
					.withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class,
							NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
							WebFluxAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class)));
		runner.run((context) -> {
			Thread listenerThread = deliverAndAwaitReply(context);
			// never the event loop: the endpoint's own executor, a virtual thread per
			// delivery when they are enabled
			assertThat(listenerThread.getName()).startsWith("blooio-webhook-");
			assertThat(isVirtual(listenerThread)).isEqualTo(VIRTUAL_THREADS);
		});
	}

	private <R extends AbstractApplicationContextRunner<R, ?, ?>> R configure(R runner) {
		return runner.withInitializer(withoutSystemEnvironment())
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					TaskExecutionAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					BlooioClientAutoConfiguration.class, BlooioWebhookAutoConfiguration.class))
			.withBean(ReplyingListener.class)
			.withPropertyValues("server.port=0", "spring.threads.virtual.enabled=true",
					"blooio.webhook.secret=" + SECRET, "blooio.api-key=bl_test_virtual",
					"blooio.base-url=" + this.blooio.url("/v2/api"));
	}

	/**
	 * Posts a signed delivery to the running server as Blooio would, checks that it was
	 * handled, and that the listener's reply reached Blooio.
	 * @return the thread the listener ran on
	 */
	private Thread deliverAndAwaitReply(ApplicationContextAssertProvider<?> context) throws Exception {
		byte[] body = fixture(RECEIVED_FIXTURE);
		int port = ((WebServerApplicationContext) context.getSourceApplicationContext()).getWebServer().getPort();
		HttpResponse<String> response = CLIENT
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + DEFAULT_PATH))
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.header(SIGNATURE_HEADER, sign(body))
				.POST(BodyPublishers.ofByteArray(body))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"outcome\":\"handled\"}");
		RecordedRequest reply = this.blooio.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(reply).as("reply sent to Blooio").isNotNull();
		assertThat(reply.getMethod()).isEqualTo("POST");
		assertThat(reply.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages");
		assertThat(reply.getHeaders().get(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer bl_test_virtual");
		assertThat(reply.getBody().string(StandardCharsets.UTF_8)).contains("Got: Hello, I need help with my order");
		ReplyingListener listener = context.getBean(ReplyingListener.class);
		await().atMost(WAIT).until(() -> listener.replies.size() == 1);
		assertThat(listener.replies).containsExactly("reply-1");
		return listener.threads.get(0);
	}

	private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
		// Thread.isVirtual() is Java 21's; the build compiles for Java 17
		return VIRTUAL_THREADS && (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}

	/**
	 * An application's listener that answers every inbound message, blocking on the send
	 * as a listener may.
	 */
	static class ReplyingListener {

		private final ObjectProvider<BlooioOperations> blooio;

		final List<Thread> threads = new CopyOnWriteArrayList<>();

		final List<String> replies = new CopyOnWriteArrayList<>();

		ReplyingListener(ObjectProvider<BlooioOperations> blooio) {
			this.blooio = blooio;
		}

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) {
			this.threads.add(Thread.currentThread());
			String messageId = this.blooio.getObject()
				.send(event.getChatId(), "Got: " + event.getText())
				.block(WAIT)
				.messageId();
			this.replies.add(messageId);
		}

	}

}
