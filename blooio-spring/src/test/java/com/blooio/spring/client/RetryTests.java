package com.blooio.spring.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioRateLimitedException;
import com.blooio.spring.client.exception.BlooioTimeoutException;
import com.blooio.spring.client.exception.BlooioTransportException;
import com.blooio.spring.model.message.ReactionRequest;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for which failures are retried, how often, and with what.
 */
class RetryTests extends BlooioServerTestSupport {

	private static final String CHAT = "+15551234567";

	private static final String READ_RECEIPT = "{\"chat_id\":\"+15551234567\",\"status\":\"read\",\"marked_at\":1735324900000}";

	private static final String CHAT_JSON = "{\"id\":\"+15551234567\",\"type\":\"phone\"}";

	@Test
	void sendRetriesBadGatewayWithTheSameIdempotencyKeyAndBody() throws Exception {
		enqueueJson(502, "{\"error\":\"ApiError\",\"message\":\"Device communication error\",\"status\":502}");
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).assertNext((response) -> {
			assertThat(response.messageId()).isEqualTo("Qm8FhbH3P7R");
			assertThat(response.replayed()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		RecordedRequest first = takeRequest();
		RecordedRequest second = takeRequest();
		String key = first.getHeaders().get("Idempotency-Key");
		assertThat(key).isNotNull();
		assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(key);
		assertThat(bodyOf(second)).isEqualTo(bodyOf(first)).isEqualTo("{\"text\":\"hi\"}");
		assertThat(second.getTarget()).isEqualTo(first.getTarget());
	}

	@Test
	void sendRetryAnsweredWithReplayIsReportedAsReplayed() throws Exception {
		enqueueJson(504, "");
		enqueueFixture(200, "response-send-message.200-idempotent-replay.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.assertNext((response) -> assertThat(response.replayed()).isTrue())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void sendGivesUpAfterMaxAttemptsWithTheLastError() throws Exception {
		for (int i = 0; i < 3; i++) {
			enqueueJson(502, "{\"error\":\"ApiError\",\"status\":502}");
		}
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioApiException.class);
			assertThat(((BlooioApiException) error).getStatusCode()).isEqualTo(502);
			assertThat(((BlooioApiException) error).isTransient()).isTrue();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		String key = takeRequest().getHeaders().get("Idempotency-Key");
		assertThat(takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
		assertThat(takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
	}

	@Test
	void maxAttemptsOfOneDisablesRetries() {
		template(settings().withRetry(1, Duration.ofMillis(10), Duration.ofMillis(100)));
		enqueueJson(502, "{\"error\":\"ApiError\",\"status\":502}");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.expectError(BlooioApiException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void rateLimitWithoutCodeIsRetriedAfterRetryAfterEvenForNonIdempotentPost() {
		this.server
			.enqueue(jsonBuilder(429, "{\"error\":\"ApiError\",\"message\":\"Too many requests\",\"status\":429}")
				.addHeader("Retry-After", "0")
				.build());
		enqueueJson(200, READ_RECEIPT);
		StepVerifier.create(this.blooio.chats().markRead(CHAT))
			.assertNext((receipt) -> assertThat(receipt.status()).isEqualTo("read"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void rateLimitWithoutRetryAfterIsRetriedUntilMaxAttempts() {
		for (int i = 0; i < 3; i++) {
			enqueueJson(429, "{\"error\":\"ApiError\",\"status\":429}");
		}
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioRateLimitedException.class);
			assertThat(((BlooioRateLimitedException) error).isTransient()).isTrue();
			assertThat(((BlooioRateLimitedException) error).getRetryAfter()).isNull();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void retryAfterLongerThanMaxBackoffIsNotRetried() {
		this.server.enqueue(
				jsonBuilder(429, "{\"error\":\"ApiError\",\"status\":429}").addHeader("Retry-After", "3600").build());
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioRateLimitedException.class);
			BlooioRateLimitedException rateLimited = (BlooioRateLimitedException) error;
			assertThat(rateLimited.getRetryAfter()).isEqualTo(Duration.ofSeconds(3600));
			assertThat(rateLimited.getStatusCode()).isEqualTo(429);
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void retryAfterAsPastHttpDateIsRetriedAtOnce() {
		this.server.enqueue(jsonBuilder(429, "{\"error\":\"ApiError\",\"status\":429}")
			.addHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
			.build());
		enqueueJson(200, CHAT_JSON);
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.assertNext((chat) -> assertThat(chat.id()).isEqualTo(CHAT))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void retryAfterAsFarFutureHttpDateIsNotRetried() {
		this.server.enqueue(jsonBuilder(429, "{\"error\":\"ApiError\",\"status\":429}")
			.addHeader("Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT")
			.build());
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.expectErrorSatisfies((error) -> assertThat(((BlooioApiException) error).getRetryAfter())
				.isGreaterThan(Duration.ofDays(365)))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void unparseableRetryAfterFallsBackToBackoff() {
		this.server.enqueue(
				jsonBuilder(429, "{\"error\":\"ApiError\",\"status\":429}").addHeader("Retry-After", "soon").build());
		enqueueJson(200, CHAT_JSON);
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void serverErrorOnMarkReadIsNotRetried() {
		enqueueJson(500, "{\"error\":\"ApiError\",\"status\":500}");
		enqueueJson(200, READ_RECEIPT);
		StepVerifier.create(this.blooio.chats().markRead(CHAT))
			.expectErrorSatisfies((error) -> assertThat(((BlooioApiException) error).getStatusCode()).isEqualTo(500))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void badGatewayOnReactionIsNotRetried() {
		enqueueJson(502, "{\"error\":\"ApiError\",\"status\":502}");
		StepVerifier.create(this.blooio.messages().react(CHAT, "m1", ReactionRequest.of("+love")))
			.expectError(BlooioApiException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void serverErrorOnGetIsRetried() {
		enqueueJson(500, "{\"error\":\"ApiError\",\"status\":500}");
		enqueueJson(200, CHAT_JSON);
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.assertNext((chat) -> assertThat(chat.id()).isEqualTo(CHAT))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void gatewayTimeoutOnDeleteIsRetried() throws Exception {
		enqueueJson(504, "");
		enqueueJson(200, "{\"chat_id\":\"+15551234567\",\"typing\":false}");
		StepVerifier.create(this.blooio.chats().stopTyping(CHAT))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(takeRequest().getMethod()).isEqualTo("DELETE");
		assertThat(takeRequest().getMethod()).isEqualTo("DELETE");
	}

	@Test
	void requestTimeoutStatusOnMarkReadIsRetried() {
		enqueueJson(408, "{\"error\":\"ApiError\",\"status\":408}");
		enqueueJson(200, READ_RECEIPT);
		StepVerifier.create(this.blooio.chats().markRead(CHAT))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void tooEarlyStatusOnMarkReadIsRetried() {
		enqueueJson(425, "{\"error\":\"ApiError\",\"status\":425}");
		enqueueJson(200, READ_RECEIPT);
		StepVerifier.create(this.blooio.chats().markRead(CHAT))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void clientErrorOnGetIsNotRetried() {
		enqueueJson(400, "{\"error\":\"ApiError\",\"status\":400}");
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectError(BlooioApiException.class).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void connectionRefusedIsRetriedAndReportsRequestNotSent() throws IOException {
		AtomicInteger attempts = new AtomicInteger();
		WebClient counting = WebClient.builder().filter(countAttempts(attempts)).build();
		URI closed = URI.create("http://localhost:" + ErrorHandlingTests.closedPort() + "/v2/api");
		this.blooio = new BlooioTemplate(counting, settings().withBaseUrl(closed));
		StepVerifier.create(this.blooio.chats().markRead(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioTransportException.class);
			BlooioTransportException transport = (BlooioTransportException) error;
			assertThat(transport.isRequestSent()).isFalse();
			assertThat(transport.isTransient()).isTrue();
			assertThat(transport.getOperation()).isEqualTo("markChatRead");
			assertThat(transport.getMessage()).contains("could not connect");
		}).verify(VERIFY_TIMEOUT);
		assertThat(attempts).hasValue(3);
	}

	@Test
	void responseTimeoutIsRetriedThenFailsWithTimeoutException() {
		template(settings().withResponseTimeout(Duration.ofMillis(200)));
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(slowResponse());
		}
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioTimeoutException.class);
			BlooioTimeoutException timeout = (BlooioTimeoutException) error;
			assertThat(timeout.getTimeout()).isEqualTo(Duration.ofMillis(200));
			assertThat(timeout.isRequestSent()).isTrue();
			assertThat(timeout.getMessage()).contains("getChat", "200 ms");
		}).verify(VERIFY_TIMEOUT.multipliedBy(3)); // three attempts and two backoffs:
													// roomy on a busy machine
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertAnyConnectionErrorLogged(PrematureCloseException.class.getName());
	}

	@Test
	void responseTimeoutOnMarkReadIsNotRetried() throws Exception {
		template(settings().withResponseTimeout(Duration.ofMillis(200)));
		this.server.enqueue(slowResponse());
		StepVerifier.create(this.blooio.chats().markRead(CHAT))
			.expectError(BlooioTimeoutException.class)
			.verify(VERIFY_TIMEOUT);
		takeRequest();
		assertThat(this.server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
		assertAnyConnectionErrorLogged(PrematureCloseException.class.getName());
	}

	@Test
	void sendRetriesAfterServerDropsTheConnectionWithTheSameKey() throws Exception {
		this.server.enqueue(jsonBuilder(202, fixture("response-send-message.202.json"))
			.onResponseStart(new SocketEffect.CloseSocket())
			.build());
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.assertNext((response) -> assertThat(response.messageId()).isEqualTo("Qm8FhbH3P7R"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		String key = takeRequest().getHeaders().get("Idempotency-Key");
		assertThat(key).isNotNull();
		assertThat(takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
		assertConnectionErrorsLogged(PrematureCloseException.class.getName());
	}

	@Test
	void droppedConnectionOnMarkReadIsNotRetriedAndMayHaveBeenSent() {
		this.server.enqueue(jsonBuilder(200, READ_RECEIPT).onResponseStart(new SocketEffect.CloseSocket()).build());
		enqueueJson(200, READ_RECEIPT);
		StepVerifier.create(this.blooio.chats().markRead(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioTransportException.class);
			assertThat(((BlooioTransportException) error).isRequestSent()).isTrue();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertConnectionErrorsLogged(PrematureCloseException.class.getName());
	}

	@Test
	void sendTimingOutIsRetriedWithTheSameKey() throws Exception {
		template(settings().withResponseTimeout(Duration.ofMillis(300)));
		this.server.enqueue(
				jsonBuilder(202, fixture("response-send-message.202.json")).headersDelay(2, TimeUnit.SECONDS).build());
		enqueueFixture(200, "response-send-message.200-idempotent-replay.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.assertNext((response) -> assertThat(response.replayed()).isTrue())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		String key = takeRequest().getHeaders().get("Idempotency-Key");
		assertThat(takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
		assertAnyConnectionErrorLogged(PrematureCloseException.class.getName());
	}

	@Test
	void responseBodyStallingPastTheTimeoutFailsWithTimeoutException() {
		template(settings().withResponseTimeout(Duration.ofMillis(200))
			.withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
		this.server.enqueue(jsonBuilder(200, CHAT_JSON).bodyDelay(2, TimeUnit.SECONDS).build());
		StepVerifier.create(this.blooio.chats().get(CHAT))
			.expectError(BlooioTimeoutException.class)
			.verify(VERIFY_TIMEOUT);
	}

	/**
	 * Main-code bug: a connection dropped while the response body is read surfaces as
	 * Reactor Netty's raw {@code PrematureCloseException} instead of a
	 * {@link BlooioTransportException}, so the idempotent send is not retried.
	 */
	@Test
	void sendRetriesAfterConnectionDropsDuringResponseBodyWithTheSameKey() throws Exception {
		this.server.enqueue(jsonBuilder(202, fixture("response-send-message.202.json") + " ".repeat(64))
			.onResponseBody(new SocketEffect.CloseSocket())
			.build());
		enqueueFixture(200, "response-send-message.200-idempotent-replay.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.assertNext((response) -> assertThat(response.messageId()).isEqualTo("Qm8FhbH3P7R"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		String key = takeRequest().getHeaders().get("Idempotency-Key");
		assertThat(takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
	}

	/**
	 * Main-code bug: see
	 * {@link #sendRetriesAfterConnectionDropsDuringResponseBodyWithTheSameKey()}.
	 */
	@Test
	void connectionDroppedDuringResponseBodyBecomesTransportException() {
		this.server.enqueue(
				jsonBuilder(200, READ_RECEIPT + " ".repeat(64)).onResponseBody(new SocketEffect.CloseSocket()).build());
		StepVerifier.create(this.blooio.chats().markRead(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioTransportException.class);
			assertThat(((BlooioTransportException) error).isRequestSent()).isTrue();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	private static MockResponse slowResponse() {
		return jsonBuilder(200, CHAT_JSON).headersDelay(2, TimeUnit.SECONDS).build();
	}

	private static ExchangeFilterFunction countAttempts(AtomicInteger attempts) {
		return (request, next) -> Mono.defer(() -> {
			attempts.incrementAndGet();
			return next.exchange(request);
		});
	}

}
