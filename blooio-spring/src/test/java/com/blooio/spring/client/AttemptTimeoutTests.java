package com.blooio.spring.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.exception.BlooioTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-attempt response timeout: enforced by Reactor Netty's connection once the
 * template knows it talks through Reactor Netty, by {@code Mono.timeout} with any other
 * HTTP client.
 */
class AttemptTimeoutTests extends BlooioServerTestSupport {

	private static final String CHAT = "+15551234567";

	private static final String CHAT_JSON = "{\"id\":\"+15551234567\",\"type\":\"phone\"}";

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	@Test
	void reactorNettyConnectionEnforcesTheTimeoutAfterTheFirstRequest() {
		template(singleAttempt());
		enqueueJson(200, CHAT_JSON);
		this.server.enqueue(jsonBuilder(200, CHAT_JSON).headersDelay(3, TimeUnit.SECONDS).build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioTimeoutException.class)
				.hasMessage("Blooio getChat got no response within 1000 ms")
				.hasRootCauseInstanceOf(ReadTimeoutException.class);
			assertThat(((BlooioTimeoutException) error).getTimeout()).isEqualTo(TIMEOUT);
		}).verify(VERIFY_TIMEOUT);
	}

	@Test
	void reactorNettyConnectionTimesOutABodyThatStalls() {
		template(singleAttempt());
		enqueueJson(200, CHAT_JSON);
		this.server.enqueue(jsonBuilder(200, CHAT_JSON).bodyDelay(3, TimeUnit.SECONDS).build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(BlooioTimeoutException.class)
				.hasRootCauseInstanceOf(ReadTimeoutException.class))
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void otherHttpClientsAreBoundedByMonoTimeout() {
		WebClient jdkClient = WebClient.builder().clientConnector(new JdkClientHttpConnector()).build();
		this.blooio = new BlooioTemplate(jdkClient, singleAttempt());
		enqueueJson(200, CHAT_JSON);
		this.server.enqueue(jsonBuilder(200, CHAT_JSON).headersDelay(3, TimeUnit.SECONDS).build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(BlooioTimeoutException.class)
				.hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class))
			.verify(VERIFY_TIMEOUT);
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

	private BlooioClientSettings singleAttempt() {
		return settings().withResponseTimeout(TIMEOUT).withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10));
	}

}
