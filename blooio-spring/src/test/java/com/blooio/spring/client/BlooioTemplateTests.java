package com.blooio.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import mockwebserver3.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BlooioTemplate} wiring and {@link BlooioClientSettings}.
 */
class BlooioTemplateTests extends BlooioServerTestSupport {

	@Test
	void apiKeyIsNotAddedToTheGivenWebClient() throws Exception {
		WebClient shared = WebClient.builder().build();
		BlooioTemplate template = new BlooioTemplate(shared, settings());
		enqueueJson(200, "{\"id\":\"+15551234567\"}");
		enqueueJson(200, "{}");
		StepVerifier.create(template.chats().get("+15551234567"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		StepVerifier.create(shared.get().uri(this.server.url("/other").uri()).retrieve().bodyToMono(String.class))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer bl_test_key");
		RecordedRequest other = takeRequest();
		assertThat(other.getTarget()).isEqualTo("/other");
		assertThat(other.getHeaders().get("Authorization")).isNull();
	}

	@Test
	void webClientSupplierIsNotCalledBeforeTheFirstCall() {
		CountingSupplier supplier = new CountingSupplier(WebClient::create);
		new BlooioTemplate(supplier, settings());
		assertThat(supplier.calls).hasValue(0);
	}

	@Test
	void webClientSupplierIsCalledOnceForSeveralCalls() {
		CountingSupplier supplier = new CountingSupplier(WebClient::create);
		BlooioTemplate template = new BlooioTemplate(supplier, settings());
		enqueueJson(200, "{}");
		enqueueJson(200, "{}");
		StepVerifier.create(template.account().me()).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier.create(template.account().me()).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(supplier.calls).hasValue(1);
	}

	@Test
	void concurrentFirstCallsCallTheWebClientSupplierOnce() throws Exception {
		int callers = 8;
		List<Thread> callerThreads = new CopyOnWriteArrayList<>();
		// the supplier returns only once every other caller is parked waiting for it:
		// until it returns no request can be under way, so a parked caller waits for it
		CountingSupplier supplier = new CountingSupplier(() -> {
			Thread first = Thread.currentThread();
			Awaitility.await()
				.atMost(VERIFY_TIMEOUT)
				.until(() -> callerThreads.size() == callers && callerThreads.stream()
					.filter((thread) -> thread != first)
					.allMatch((thread) -> thread.getState() == Thread.State.WAITING
							|| thread.getState() == Thread.State.BLOCKED));
			return WebClient.create();
		});
		BlooioTemplate template = new BlooioTemplate(supplier, settings());
		for (int i = 0; i < callers; i++) {
			enqueueJson(200, "{}");
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				calls.add(executor.submit(() -> {
					callerThreads.add(Thread.currentThread());
					start.await();
					return template.account().me().block(VERIFY_TIMEOUT);
				}));
			}
			start.countDown();
			for (Future<?> call : calls) {
				assertThat(call.get(10, TimeUnit.SECONDS)).isNotNull();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(supplier.calls).hasValue(1);
		assertThat(this.server.getRequestCount()).isEqualTo(callers);
	}

	@Test
	void failingWebClientSupplierFailsTheCallAndIsAskedAgainByTheNextCall() throws Exception {
		IllegalStateException failure = new IllegalStateException("no connector yet");
		AtomicInteger attempts = new AtomicInteger();
		CountingSupplier supplier = new CountingSupplier(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw failure;
			}
			return WebClient.create();
		});
		BlooioTemplate template = new BlooioTemplate(supplier, settings());
		enqueueJson(200, "{}");
		StepVerifier.create(template.account().me()).expectErrorMatches((ex) -> ex == failure).verify(VERIFY_TIMEOUT);
		StepVerifier.create(template.account().me()).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(supplier.calls).hasValue(2);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void webClientSupplierReturningNullFailsTheCall() {
		BlooioTemplate template = new BlooioTemplate(() -> null, settings());
		StepVerifier.create(template.account().me()).expectError(IllegalStateException.class).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void nullWebClientIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BlooioTemplate((WebClient) null, settings()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BlooioTemplate((Supplier<WebClient>) null, settings()));
	}

	@Test
	void baseUrlWithTrailingSlashDoesNotDoubleTheSlash() throws Exception {
		template(settings().withBaseUrl(URI.create(this.server.url("/v2/api/").toString())));
		enqueueJson(200, "{}");
		StepVerifier.create(this.blooio.account().me()).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/me");
	}

	@Test
	void defaultSettingsPointAtBlooio() {
		BlooioClientSettings settings = BlooioClientSettings.of(API_KEY);
		assertThat(settings.baseUrl()).isEqualTo(URI.create("https://backend.blooio.com/v2/api"));
		assertThat(settings.maxAttempts()).isEqualTo(3);
		assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.defaultFromNumber()).isNull();
	}

	@Test
	void settingsRejectInvalidValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> BlooioClientSettings.of(" "));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BlooioClientSettings.of(API_KEY).withBaseUrl(URI.create("/relative")));
		assertThatIllegalArgumentException().isThrownBy(
				() -> BlooioClientSettings.of(API_KEY).withRetry(0, Duration.ofMillis(1), Duration.ofMillis(1)));
		assertThatIllegalArgumentException().isThrownBy(
				() -> BlooioClientSettings.of(API_KEY).withRetry(2, Duration.ofMillis(100), Duration.ofMillis(10)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BlooioClientSettings.of(API_KEY).withResponseTimeout(Duration.ZERO));
	}

	@Test
	void toStringNeverShowsTheApiKey() {
		assertThat(settings().toString()).doesNotContain(API_KEY).contains("apiKey=******");
		assertThat(this.blooio.toString()).doesNotContain(API_KEY);
	}

	private static final class CountingSupplier implements Supplier<WebClient> {

		final AtomicInteger calls = new AtomicInteger();

		private final Supplier<WebClient> delegate;

		CountingSupplier(Supplier<WebClient> delegate) {
			this.delegate = delegate;
		}

		@Override
		public WebClient get() {
			this.calls.incrementAndGet();
			return this.delegate.get();
		}

	}

}
