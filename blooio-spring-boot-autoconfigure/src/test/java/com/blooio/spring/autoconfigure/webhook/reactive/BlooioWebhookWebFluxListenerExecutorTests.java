package com.blooio.spring.autoconfigure.webhook.reactive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.WebhookOutcome;
import com.blooio.spring.webhook.endpoint.BoundedListenerExecutor;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the listener executor of {@link BlooioWebhookWebFluxAutoConfiguration}:
 * bounded by default, so that overload is answered 503 {@code overloaded} at once while
 * every accepted delivery is still handled.
 */
class BlooioWebhookWebFluxListenerExecutorTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	// the starter's warnings, and whatever Reactor would report of a refused task
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring", "reactor");

	// Boot's application task executor is there, as in most applications, and unused
	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class, BlooioWebhookAutoConfiguration.class,
				BlooioWebhookWebFluxAutoConfiguration.class))
		.withBean(BlockingListener.class)
		.withPropertyValues("blooio.webhook.secret=" + SECRET, "spring.task.execution.thread-name-prefix=app-task-");

	@Test
	void boundedListenerExecutorIsTheDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BoundedListenerExecutor.class).hasBean("applicationTaskExecutor");
			BoundedListenerExecutor executor = context.getBean(BoundedListenerExecutor.class);
			assertThat(executor.getConcurrency()).isEqualTo(8);
			assertThat(executor.getQueueCapacity()).isEqualTo(100);
		});
	}

	@Test
	void listenerRunsOnTheEndpointsOwnThreadsRatherThanTheApplicationTaskExecutor() {
		this.contextRunner.run((context) -> {
			BlockingListener listener = context.getBean(BlockingListener.class);
			listener.release();
			assertThat(deliver(context, "m-1").getStatus()).isEqualTo(HttpStatus.OK);
			assertThat(listener.threads).singleElement().satisfies((thread) -> {
				assertThat(thread.getName()).startsWith("blooio-webhook-");
				assertThat(Schedulers.isNonBlockingThread(thread)).isFalse();
			});
		});
	}

	@Test
	void listenerPropertiesSetTheBounds() {
		this.contextRunner
			.withPropertyValues("blooio.webhook.listener.concurrency=3", "blooio.webhook.listener.queue-capacity=0")
			.run((context) -> {
				BoundedListenerExecutor executor = context.getBean(BoundedListenerExecutor.class);
				assertThat(executor.getConcurrency()).isEqualTo(3);
				assertThat(executor.getQueueCapacity()).isZero();
			});
	}

	@Test
	void listenerConcurrencyBelowOneFailsStartup() {
		this.contextRunner.withPropertyValues("blooio.webhook.listener.concurrency=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must be at least 1"));
	}

	@Test
	void overloadIsAnsweredServiceUnavailableAtOnceAndEveryAcceptedDeliveryIsHandled() {
		this.contextRunner
			.withPropertyValues("blooio.webhook.listener.concurrency=2", "blooio.webhook.listener.queue-capacity=3")
			.run((context) -> overload(context, 2, 3));
	}

	@Test
	void overloadIsAnsweredServiceUnavailableWithoutAnyListenerProperty() {
		this.contextRunner.run((context) -> overload(context, 8, 100));
	}

	@Test
	void userListenerExecutorReplacesTheDefaultAndItsRefusalIsAnsweredServiceUnavailable() {
		BoundedListenerExecutor refusing = BoundedListenerExecutor.threadPerTask((task) -> {
			throw new RejectedExecutionException("Refused by the test");
		}, 1, 0);
		this.contextRunner.withBean(BoundedListenerExecutor.class, () -> refusing).run((context) -> {
			assertThat(context).getBean(BoundedListenerExecutor.class).isSameAs(refusing);
			EntityExchangeResult<String> result = deliver(context, "m-1");
			assertThat(result.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(result.getResponseBody()).isEqualTo(WebhookOutcome.OVERLOADED.responseBody());
			assertThat(context.getBean(BlockingListener.class).started).hasValue(0);
			assertOverloadWarnedOnce("(1 running, 0 waiting)");
		});
	}

	@Test
	void listenerExecutorIsClosedWithTheContext() {
		List<BoundedListenerExecutor> executors = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		this.contextRunner.run((context) -> {
			BlockingListener listener = context.getBean(BlockingListener.class);
			listener.release();
			assertThat(deliver(context, "m-1").getStatus()).isEqualTo(HttpStatus.OK);
			executors.add(context.getBean(BoundedListenerExecutor.class));
			threads.addAll(listener.threads);
		});
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executors.get(0).execute(() -> {
		}));
		await().atMost(WAIT).until(() -> threads.stream().noneMatch(Thread::isAlive));
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void listenersRunOnVirtualThreadsWhenTheyAreEnabled() {
		this.contextRunner
			.withPropertyValues("spring.threads.virtual.enabled=true", "blooio.webhook.listener.concurrency=2",
					"blooio.webhook.listener.queue-capacity=3")
			.run((context) -> {
				overload(context, 2, 3);
				assertThat(context.getBean(BlockingListener.class).threads).allSatisfy((thread) -> {
					assertThat(Thread.class.getMethod("isVirtual").invoke(thread)).isEqualTo(true);
					assertThat(thread.getName()).startsWith("blooio-webhook-");
				});
			});
	}

	/**
	 * Overload is one warning, at most once a minute, that says what to do: no error, let
	 * alone a stack trace, for each refused delivery.
	 */
	private void assertOverloadWarnedOnce(String bounds) {
		assertThat(this.logs.events()).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).startsWith("Blooio webhook listeners are saturated " + bounds)
				.contains("blooio.webhook.listener.concurrency");
		});
	}

	/**
	 * Fills the running and the waiting places with deliveries whose listener blocks,
	 * checks that the next delivery is answered 503 while they still block, then lets
	 * them go and checks that each of them was handled once, and that the refused one is
	 * handled when Blooio delivers it again.
	 */
	private void overload(ApplicationContext context, int concurrency, int queueCapacity) throws Exception {
		BlockingListener listener = context.getBean(BlockingListener.class);
		BoundedListenerExecutor executor = context.getBean(BoundedListenerExecutor.class);
		int accepted = concurrency + queueCapacity;
		ExecutorService senders = Executors.newFixedThreadPool(accepted);
		try {
			List<Future<EntityExchangeResult<String>>> answers = new ArrayList<>();
			for (int i = 0; i < accepted; i++) {
				String messageId = "m-" + i;
				answers.add(senders.submit(() -> deliver(context, messageId)));
			}
			await().atMost(WAIT).until(() -> listener.started.get() == concurrency);
			await().atMost(WAIT).until(() -> executor.getQueueSize() == queueCapacity);

			EntityExchangeResult<String> refused = deliver(context, "m-refused");
			assertThat(refused.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
			assertThat(refused.getResponseBody()).isEqualTo(WebhookOutcome.OVERLOADED.responseBody());
			// answered while every accepted delivery still waited or blocked
			assertThat(listener.handled).isEmpty();
			assertThat(listener.started).hasValue(concurrency);
			assertOverloadWarnedOnce("(" + concurrency + " running, " + queueCapacity + " waiting)");

			listener.release();
			for (Future<EntityExchangeResult<String>> answer : answers) {
				EntityExchangeResult<String> result = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
				assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
				assertThat(result.getResponseBody()).isEqualTo(WebhookOutcome.HANDLED.responseBody());
			}
			Set<String> expected = IntStream.range(0, accepted).mapToObj((i) -> "m-" + i).collect(Collectors.toSet());
			assertThat(listener.handled).hasSize(accepted).containsExactlyInAnyOrderElementsOf(expected);

			EntityExchangeResult<String> redelivered = deliver(context, "m-refused");
			assertThat(redelivered.getStatus()).isEqualTo(HttpStatus.OK);
			assertThat(listener.handled).hasSize(accepted + 1).contains("m-refused");
		}
		finally {
			listener.release();
			senders.shutdownNow();
		}
	}

	private static EntityExchangeResult<String> deliver(ApplicationContext context, String messageId) {
		byte[] body = ("{\"event\":\"message.received\",\"message_id\":\"" + messageId + "\",\"text\":\"hi\"}")
			.getBytes(StandardCharsets.UTF_8);
		return WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.responseTimeout(WAIT)
			.build()
			.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, sign(body))
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * Blocks every listener call until released, recording the thread and the message id
	 * of each call.
	 */
	static class BlockingListener {

		final AtomicInteger started = new AtomicInteger();

		final List<Thread> threads = new CopyOnWriteArrayList<>();

		final List<String> handled = new CopyOnWriteArrayList<>();

		private final CountDownLatch released = new CountDownLatch(1);

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) throws InterruptedException {
			this.threads.add(Thread.currentThread());
			this.started.incrementAndGet();
			if (!this.released.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("Listener was not released");
			}
			this.handled.add(event.getMessageId());
		}

		void release() {
			this.released.countDown();
		}

	}

}
