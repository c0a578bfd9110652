package com.blooio.spring.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.exception.BlooioTimeoutException;
import com.blooio.spring.support.ExpectedLogs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One deadline per attempt, from sending the request to the last byte of the answer:
 * enforced on Reactor Netty's connection once the template knows it talks through Reactor
 * Netty, by {@code Mono.timeout} with any other HTTP client.
 */
class AttemptTimeoutTests extends BlooioServerTestSupport {

	/**
	 * Where Reactor reports an error it drops: the JDK client fails the request it is
	 * told to cancel.
	 */
	@RegisterExtension
	final ExpectedLogs droppedErrors = ExpectedLogs.ofLoggers("reactor.core.publisher.Operators");

	private static final String CHAT = "+15551234567";

	private static final String CHAT_JSON = "{\"id\":\"+15551234567\",\"type\":\"phone\"}";

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static final Duration DRIP_DURATION = Duration.ofSeconds(4);

	@Test
	void reactorNettyConnectionEnforcesTheDeadlineAfterTheFirstRequest() {
		template(singleAttempt());
		enqueueJson(200, CHAT_JSON);
		this.server.enqueue(jsonBuilder(200, CHAT_JSON).headersDelay(3, TimeUnit.SECONDS).build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioTimeoutException.class)
				.hasMessage("Blooio getChat got no complete response within 1000 ms");
			assertThat(((BlooioTimeoutException) error).getTimeout()).isEqualTo(TIMEOUT);
		}).verify(VERIFY_TIMEOUT);
		assertAnyConnectionErrorLogged(PrematureCloseException.class.getName());
	}

	@Test
	void reactorNettyConnectionTimesOutABodyThatStalls() {
		template(singleAttempt());
		enqueueJson(200, CHAT_JSON);
		this.server.enqueue(jsonBuilder(200, CHAT_JSON).bodyDelay(3, TimeUnit.SECONDS).build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(BlooioTimeoutException.class))
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void reactorNettyConnectionCutsABodyDrippedByteByByteAtTheDeadline() {
		// every pause is far shorter than the timeout, so only a deadline over the whole
		// attempt stops it before the 4 s the drip takes
		template(singleAttempt());
		enqueueJson(200, CHAT_JSON);
		this.server.enqueue(drippedChat());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		long start = System.nanoTime();
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.expectError(BlooioTimeoutException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DRIP_DURATION.minusSeconds(1));
	}

	@Test
	void otherHttpClientsCutABodyDrippedByteByByteAtTheDeadline() {
		this.blooio = new BlooioTemplate(jdkWebClient(), singleAttempt());
		this.server.enqueue(drippedChat());
		long start = System.nanoTime();
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.expectError(BlooioTimeoutException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DRIP_DURATION.minusSeconds(1));
	}

	@Test
	void reactorNettyConnectionBoundsAnUploadByTheDeadline() {
		template(singleAttempt());
		enqueueJson(200, CHAT_JSON);
		this.server.enqueue(jsonBuilder(200, "{\"chat_id\":\"+15551234567\",\"has_background\":true}")
			.headersDelay(3, TimeUnit.SECONDS)
			.build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier
			.create(this.blooio.chats().setBackground(CHAT, new byte[] { 1, 2, 3 }, "bg.png", MediaType.IMAGE_PNG))
			.expectError(BlooioTimeoutException.class)
			.verify(VERIFY_TIMEOUT);
		assertAnyConnectionErrorLogged(PrematureCloseException.class.getName());
	}

	@Test
	void deadlineOfAFinishedAttemptNeverClosesTheConnectionLaterRequestsReuse() throws Exception {
		// one pooled connection: three answers of 250 ms each outlast the first
		// attempt's 400 ms deadline on the connection that attempt used
		ConnectionProvider oneConnection = ConnectionProvider.create("one-connection", 1);
		try {
			WebClient webClient = WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(oneConnection)))
				.build();
			this.blooio = new BlooioTemplate(webClient, settings().withResponseTimeout(Duration.ofMillis(400))
				.withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
			enqueueJson(200, CHAT_JSON);
			for (int i = 0; i < 3; i++) {
				this.server.enqueue(jsonBuilder(200, CHAT_JSON).headersDelay(250, TimeUnit.MILLISECONDS).build());
			}
			for (int i = 0; i < 4; i++) {
				StepVerifier.create(this.blooio.chats().get(CHAT))
					.expectNextCount(1)
					.expectComplete()
					.verify(VERIFY_TIMEOUT);
			}
			takeWarmUpRequests();
			int connection = takeRequest().getConnectionIndex();
			for (int i = 0; i < 3; i++) {
				assertThat(takeRequest().getConnectionIndex()).isEqualTo(connection);
			}
		}
		finally {
			oneConnection.dispose();
		}
	}

	@Test
	void otherHttpClientsAreBoundedByMonoTimeout() {
		this.blooio = new BlooioTemplate(jdkWebClient(), singleAttempt());
		enqueueJson(200, CHAT_JSON);
		this.server.enqueue(jsonBuilder(200, CHAT_JSON).headersDelay(3, TimeUnit.SECONDS).build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(BlooioTimeoutException.class)
				.hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class))
			.verify(VERIFY_TIMEOUT);
		// any error Reactor drops is the JDK client failing the request cancelled at the
		// deadline (JDK 17 fails it, later JDKs may not): nothing a caller should have
		// seen is lost
		assertThat(this.droppedErrors.text().lines())
			.allSatisfy((line) -> assertThat(line).startsWith("ERROR reactor.core.publisher.Operators")
				.contains("[java.util.concurrent.CancellationException: Request cancelled]"));
	}

	/**
	 * Loads the HTTP client's classes first, so that the template's first request, which
	 * must succeed, is fast.
	 */
	@BeforeEach
	void warmUpHttpClient() {
		enqueueJson(200, CHAT_JSON);
		WebClient.create(this.server.url("/").toString()).get().retrieve().toBodilessEntity().block(VERIFY_TIMEOUT);
		enqueueJson(200, CHAT_JSON);
		WebClient.builder()
			.clientConnector(new JdkClientHttpConnector())
			.baseUrl(this.server.url("/").toString())
			.build()
			.get()
			.retrieve()
			.toBodilessEntity()
			.block(VERIFY_TIMEOUT);
	}

	private void takeWarmUpRequests() throws InterruptedException {
		takeRequest();
		takeRequest();
	}

	private static WebClient jdkWebClient() {
		return WebClient.builder().clientConnector(new JdkClientHttpConnector()).build();
	}

	private static MockResponse drippedChat() {
		return jsonBuilder(200, CHAT_JSON + " ".repeat(40 - CHAT_JSON.length()))
			.throttleBody(1, DRIP_DURATION.toMillis() / 40, TimeUnit.MILLISECONDS)
			.build();
	}

	private BlooioClientSettings singleAttempt() {
		return settings().withResponseTimeout(TIMEOUT).withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10));
	}

}
