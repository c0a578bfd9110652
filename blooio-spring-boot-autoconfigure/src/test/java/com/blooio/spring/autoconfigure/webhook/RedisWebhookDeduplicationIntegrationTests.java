package com.blooio.spring.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.support.RedisServer;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Several instances of an application sharing one real Redis server as their
 * de-duplication store: each instance is an application context with its own webhook
 * endpoint, and signed deliveries are posted to those endpoints as a load balancer would.
 * Every test has a key prefix of its own, so that the tests share the server and nothing
 * else.
 */
class RedisWebhookDeduplicationIntegrationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	@RegisterExtension
	static final RedisServer redisServer = new RedisServer();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String keyPrefix = "test:" + UUID.randomUUID() + ":";

	private final WebApplicationContextRunner servletInstance = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, DataRedisAutoConfiguration.class, BlooioWebhookAutoConfiguration.class,
				BlooioWebhookWebMvcAutoConfiguration.class))
		.withPropertyValues(instanceProperties());

	private final ReactiveWebApplicationContextRunner reactiveInstance = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, DataRedisAutoConfiguration.class,
				BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class))
		.withPropertyValues(instanceProperties());

	@Test
	void sameDeliveryPostedToBothInstancesAtOnceIsPublishedOnce() {
		WebApplicationContextRunner instance = this.servletInstance.withBean(EventRecorder.class);
		instance.run((first) -> instance.run((second) -> {
			MockMvcTester firstEndpoint = MockMvcTester.from(first);
			MockMvcTester secondEndpoint = MockMvcTester.from(second);
			ExecutorService loadBalancer = Executors.newFixedThreadPool(2);
			try {
				for (int i = 0; i < 25; i++) {
					byte[] delivery = event("evt_race_" + i);
					String signature = sign(delivery);
					CountDownLatch start = new CountDownLatch(1);
					Future<String> toFirst = loadBalancer.submit(() -> {
						start.await();
						return outcome(post(firstEndpoint, delivery, signature));
					});
					Future<String> toSecond = loadBalancer.submit(() -> {
						start.await();
						return outcome(post(secondEndpoint, delivery, signature));
					});
					start.countDown();
					List<String> outcomes = List.of(toFirst.get(10, TimeUnit.SECONDS),
							toSecond.get(10, TimeUnit.SECONDS));
					// the other one arrived while it was handled, or after
					assertThat(outcomes).as("evt_race_" + i)
						.containsOnlyOnce("handled")
						.containsAnyOf("in_progress", "duplicate");
				}
			}
			finally {
				loadBalancer.shutdownNow();
			}
			assertThat(published(first, second)).hasSize(25).doesNotHaveDuplicates();
		}));
	}

	@Test
	void roundRobinRedeliveriesOf200EventsArePublished200Times() {
		WebApplicationContextRunner instance = this.servletInstance.withBean(EventRecorder.class);
		instance.run((first) -> instance.run((second) -> {
			List<MockMvcTester> endpoints = List.of(MockMvcTester.from(first), MockMvcTester.from(second));
			List<String> firstOutcomes = new ArrayList<>();
			List<String> redeliveryOutcomes = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				byte[] delivery = event("evt_" + i);
				firstOutcomes.add(outcome(post(endpoints.get(i % 2), delivery, sign(delivery))));
				MockMvcTester other = endpoints.get((i + 1) % 2);
				redeliveryOutcomes.add(answerOnceNotInProgress(() -> outcome(post(other, delivery, sign(delivery)))));
			}
			assertThat(firstOutcomes).hasSize(200).containsOnly("handled");
			assertThat(redeliveryOutcomes).hasSize(200).containsOnly("duplicate");
			assertThat(published(first, second)).hasSize(200).doesNotHaveDuplicates();
			assertThat(first.getBean(EventRecorder.class).all()).hasSize(100);
			assertThat(second.getBean(EventRecorder.class).all()).hasSize(100);
		}));
	}

	@Test
	void redeliveryToARestartedInstanceIsNotPublishedAgain() {
		byte[] delivery = event("evt_before_restart");
		WebApplicationContextRunner instance = this.servletInstance.withBean(EventRecorder.class);
		instance.run((beforeRestart) -> {
			assertThat(outcome(post(MockMvcTester.from(beforeRestart), delivery, sign(delivery)))).isEqualTo("handled");
			assertThat(beforeRestart.getBean(EventRecorder.class).all()).hasSize(1);
		});
		instance.run((afterRestart) -> {
			assertThat(outcome(post(MockMvcTester.from(afterRestart), delivery, sign(delivery))))
				.isEqualTo("duplicate");
			assertThat(afterRestart.getBean(EventRecorder.class).all()).isEmpty();
		});
	}

	@Test
	void redeliveryWhileADeadInstanceHoldsTheLeaseGets409AndIsHandledOnceAfterTheLease() {
		// long enough that the redelivery surely comes while the lease is held, short
		// enough to wait for
		Duration lease = Duration.ofSeconds(2);
		byte[] delivery = event("evt_dead_instance");
		StallingListener dying = new StallingListener();
		this.servletInstance.withBean(StallingListener.class, () -> dying)
			.withPropertyValues("blooio.webhook.deduplication.lease=" + lease.toMillis() + "ms")
			.run((deadInstance) -> this.servletInstance.withBean(EventRecorder.class)
				.withPropertyValues("blooio.webhook.deduplication.lease=" + lease.toMillis() + "ms")
				.run((survivor) -> {
					MockMvcTester deadEndpoint = MockMvcTester.from(deadInstance);
					MockMvcTester survivorEndpoint = MockMvcTester.from(survivor);
					CompletableFuture<MvcTestResult> stalled = CompletableFuture
						.supplyAsync(() -> post(deadEndpoint, delivery, sign(delivery)));
					try {
						assertThat(dying.entered.await(10, TimeUnit.SECONDS)).as("listener entered").isTrue();
						MvcTestResult whileLeaseHeld = post(survivorEndpoint, delivery, sign(delivery));
						assertThat(whileLeaseHeld).hasStatus(409).hasHeader(HttpHeaders.RETRY_AFTER, "5");
						assertThat(outcome(whileLeaseHeld)).isEqualTo("in_progress");
						assertThat(survivor.getBean(EventRecorder.class).all()).isEmpty();
						// Blooio keeps redelivering until it gets a 2xx
						Awaitility.await("a redelivery handled after the lease")
							.atMost(lease.plusSeconds(10))
							.pollInterval(Duration.ofMillis(100))
							.until(() -> outcome(post(survivorEndpoint, delivery, sign(delivery))),
									(outcome) -> !outcome.equals("in_progress"));
						assertThat(survivor.getBean(EventRecorder.class).all()).hasSize(1);
						assertThat(outcome(post(survivorEndpoint, delivery, sign(delivery)))).isEqualTo("duplicate");
					}
					finally {
						dying.release.countDown();
					}
					// the dead instance's late end changes nothing: its lease is gone
					assertThat(stalled.get(10, TimeUnit.SECONDS)).hasStatus(500);
					assertThat(outcome(post(deadEndpoint, delivery, sign(delivery)))).isEqualTo("duplicate");
					assertThat(survivor.getBean(EventRecorder.class).all()).hasSize(1);
				}));
		assertThat(this.logs.text()).contains(
				"ERROR com.blooio.spring.webhook.BlooioWebhookHandler - A listener failed on Blooio webhook BlooioMessageReceivedEvent")
			.contains("[java.lang.IllegalStateException: Instance died mid-delivery (provoked by the test)]");
	}

	@Test
	void deliveryHandledByAServletInstanceIsADuplicateForAReactiveInstance() {
		byte[] delivery = event("evt_across_stacks");
		this.servletInstance.withBean(EventRecorder.class)
			.run((servlet) -> this.reactiveInstance.withBean(EventRecorder.class).run((reactive) -> {
				assertThat(outcome(post(MockMvcTester.from(servlet), delivery, sign(delivery)))).isEqualTo("handled");
				WebTestClient client = WebTestClient.bindToApplicationContext(reactive).build();
				assertThat(answerOnceNotInProgress(() -> client.post()
					.uri(DEFAULT_PATH)
					.contentType(MediaType.APPLICATION_JSON)
					.header(SIGNATURE_HEADER, sign(delivery))
					.bodyValue(delivery)
					.exchange()
					.expectStatus()
					.value((status) -> assertThat(status).isIn(200, 409))
					.expectBody(JsonNode.class)
					.returnResult()
					.getResponseBody()
					.get("outcome")
					.asString())).isEqualTo("duplicate");
				assertThat(servlet.getBean(EventRecorder.class).all()).hasSize(1);
				assertThat(reactive.getBean(EventRecorder.class).all()).isEmpty();
			}));
	}

	@Test
	void handledDeliveryIsRememberedUnderTheKeyPrefixForTheRetention() {
		byte[] delivery = event("evt_remembered");
		this.servletInstance.withPropertyValues("blooio.webhook.deduplication.retention=1h").run((context) -> {
			assertThat(outcome(post(MockMvcTester.from(context), delivery, sign(delivery)))).isEqualTo("handled");
			StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
			String key = this.keyPrefix + "id|evt_remembered";
			// the completion is recorded right after the answer
			Awaitility.await("completion of " + key)
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> redis.opsForValue().get(key), "done"::equals);
			assertThat(redis.keys(this.keyPrefix + "*")).containsExactly(key);
			assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).isCloseTo(Duration.ofHours(1).toMillis(),
					within(Duration.ofSeconds(10).toMillis()));
		});
	}

	@Test
	void catchUpCheckpointSavedByOneInstanceIsLoadedByTheOtherAndNeverMovedBack() {
		Instant earlier = Instant.parse("2026-05-01T12:00:00.250Z");
		Instant later = earlier.plusSeconds(30);
		this.servletInstance.run((first) -> this.reactiveInstance.run((second) -> {
			CatchUpCheckpointStore firstCheckpoints = first.getBean(CatchUpCheckpointStore.class);
			CatchUpCheckpointStore secondCheckpoints = second.getBean(CatchUpCheckpointStore.class);
			assertThat(secondCheckpoints.load()).isNull();
			firstCheckpoints.save(later);
			secondCheckpoints.save(earlier);
			assertThat(secondCheckpoints.load()).isEqualTo(later);
			assertThat(firstCheckpoints.load()).isEqualTo(later);
			assertThat(first.getBean(StringRedisTemplate.class).keys(this.keyPrefix + "*"))
				.containsExactly(this.keyPrefix + "catch-up:checkpoint");
		}));
	}

	private String[] instanceProperties() {
		return new String[] { "blooio.webhook.secret=" + WebhookEndpointTestSupport.SECRET,
				"blooio.webhook.deduplication.store=redis", "spring.data.redis.url=" + redisServer.getUrl(),
				"blooio.webhook.deduplication.redis.key-prefix=" + this.keyPrefix };
	}

	/**
	 * A v4 delivery: the de-duplication key is its signed {@code evt_} id.
	 */
	private static byte[] event(String id) {
		return ("""
				{"id":"%s","type":"message.received","created_at":"2026-05-01T12:00:00Z",
				 "data":{"message_id":"m_%s","external_id":"+15551234567","sender":"+15551234567",
				         "text":"hello","status":"received","protocol":"imessage","timestamp":1777636800000}}
				""").formatted(id, id).getBytes(StandardCharsets.UTF_8);
	}

	private static MvcTestResult post(MockMvcTester endpoint, byte[] body, String signature) {
		return endpoint.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.content(body)
			.exchange();
	}

	/**
	 * Delivers again while the answer is {@code in_progress}, as Blooio does: right after
	 * one instance answered, another may still see the lease until the completion is
	 * recorded.
	 */
	private static String answerOnceNotInProgress(Callable<String> delivery) {
		return Awaitility.await("an answer other than in_progress")
			.atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(5))
			.until(delivery, (outcome) -> !outcome.equals("in_progress"));
	}

	private static String outcome(MvcTestResult result) {
		return JSON.readTree(result.getResponse().getContentAsByteArray()).get("outcome").asString();
	}

	/**
	 * The ids of the events published by all the given instances together.
	 */
	private static List<String> published(WebApplicationContext... instances) {
		List<String> ids = new ArrayList<>();
		for (WebApplicationContext instance : instances) {
			for (BlooioEvent event : instance.getBean(EventRecorder.class).all()) {
				ids.add(event.getDelivery().eventId());
			}
		}
		return ids;
	}

	/**
	 * A listener that hangs on its event until the test lets it go, then fails: an
	 * instance that died in the middle of a delivery, as far as the others can tell.
	 */
	static final class StallingListener {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) throws InterruptedException {
			this.entered.countDown();
			this.release.await(30, TimeUnit.SECONDS);
			throw new IllegalStateException("Instance died mid-delivery (provoked by the test)");
		}

	}

}
