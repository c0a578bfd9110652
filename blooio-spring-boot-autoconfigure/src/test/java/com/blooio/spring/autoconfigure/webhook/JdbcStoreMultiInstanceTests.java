package com.blooio.spring.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.support.TestPostgres;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;
import com.blooio.spring.webhook.event.BlooioMessageEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.concurrently;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several instances of an application sharing one real PostgreSQL database through the
 * JDBC de-duplication store: each instance is an application context of its own with its
 * own connection pool and webhook endpoint, exercised through {@link MockMvcTester}. Each
 * test starts on an empty database of its own.
 */
class JdbcStoreMultiInstanceTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private static final String TABLE = JdbcWebhookDeduplicationStore.DEFAULT_TABLE_NAME;

	private final TestPostgres.Database database = TestPostgres.createDatabase();

	/**
	 * Returns a runner for one instance of the application on the shared database.
	 */
	private WebApplicationContextRunner instance() {
		return new WebApplicationContextRunner().withInitializer(withoutSystemEnvironment())
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, DataSourceAutoConfiguration.class,
					BlooioWebhookAutoConfiguration.class, BlooioWebhookWebMvcAutoConfiguration.class))
			.withBean(EventRecorder.class)
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.deduplication.store=jdbc",
					"blooio.webhook.deduplication.jdbc.initialize-schema=always",
					"spring.datasource.url=" + this.database.url(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + this.database.password(),
					"spring.datasource.hikari.maximum-pool-size=12");
	}

	@Test
	void catchUpCheckpointSavedByOneInstanceIsLoadedByTheOtherAndNeverMovedBack() {
		Instant earlier = Instant.parse("2026-05-01T12:00:00.250Z");
		Instant later = earlier.plusSeconds(30);
		instance().run((first) -> instance().run((second) -> {
			CatchUpCheckpointStore firstCheckpoints = first.getBean(CatchUpCheckpointStore.class);
			CatchUpCheckpointStore secondCheckpoints = second.getBean(CatchUpCheckpointStore.class);
			assertThat(secondCheckpoints.load()).isNull();
			firstCheckpoints.save(later);
			secondCheckpoints.save(earlier);
			assertThat(secondCheckpoints.load()).isEqualTo(later);
			assertThat(firstCheckpoints.load()).isEqualTo(later);
		}));
	}

	@Test
	void sameDeliveryToBothInstancesIsPublishedOnce() {
		instance().run((first) -> instance().run((second) -> {
			byte[] body = received("msg-1");
			assertThat(post(first, body)).isEqualTo("200 handled");
			assertThat(post(second, body)).isEqualTo("200 duplicate");
			assertThat(published(first) + published(second)).isOne();
		}));
	}

	@Test
	void sameDeliveryToBothInstancesAtOnceIsPublishedOnceAndNeverAcknowledgedWhileInProgress() {
		instance().run((first) -> instance().run((second) -> {
			byte[] body = received("msg-1");
			AtomicInteger next = new AtomicInteger();
			List<String> answers = concurrently(20,
					() -> post((next.getAndIncrement() % 2 == 0) ? first : second, body));
			assertThat(answers).containsOnlyOnce("200 handled")
				.allMatch((answer) -> answer.equals("200 handled") || answer.equals("200 duplicate")
						|| answer.equals("409 in_progress"));
			assertThat(published(first) + published(second)).isOne();
		}));
	}

	@Test
	void twoHundredEventsDeliveredTwiceRoundRobinArePublishedTwoHundredTimes() {
		instance().run((first) -> instance().run((second) -> {
			List<WebApplicationContext> instances = List.of(first, second);
			int events = 200;
			List<byte[]> bodies = new ArrayList<>();
			for (int i = 0; i < events; i++) {
				bodies.add(received("msg-" + i));
			}
			// a load balancer alternating between the instances: every event, then every
			// event again (Blooio's redeliveries), shifted by one so that each redelivery
			// reaches the instance that did not see the event
			List<String> firstAnswers = new ArrayList<>();
			List<String> redeliveryAnswers = new ArrayList<>();
			for (int delivery = 0; delivery < 2 * events; delivery++) {
				WebApplicationContext target = instances.get(delivery % 2);
				if (delivery < events) {
					firstAnswers.add(post(target, bodies.get(delivery)));
				}
				else {
					redeliveryAnswers.add(post(target, bodies.get((delivery - events + 1) % events)));
				}
			}
			assertThat(firstAnswers).hasSize(events).containsOnly("200 handled");
			assertThat(redeliveryAnswers).hasSize(events).containsOnly("200 duplicate");
			assertThat(published(first)).isEqualTo(events / 2);
			assertThat(published(second)).isEqualTo(events / 2);
			assertThat(publishedMessageIds(first, second)).doesNotHaveDuplicates().hasSize(events);
		}));
	}

	@Test
	void restartedInstanceDoesNotPublishAnEventHandledBeforeTheRestart() {
		byte[] body = received("msg-1");
		instance().run((beforeRestart) -> {
			assertThat(post(beforeRestart, body)).isEqualTo("200 handled");
			assertThat(published(beforeRestart)).isOne();
		});
		instance().run((afterRestart) -> {
			assertThat(post(afterRestart, body)).isEqualTo("200 duplicate");
			assertThat(published(afterRestart)).isZero();
		});
	}

	@Test
	void listenerFailureOnOneInstanceLetsTheOtherHandleTheRedeliveryAtOnce() {
		instance().withBean(FailingListener.class).run((failing) -> instance().run((healthy) -> {
			byte[] body = received("msg-1");
			assertThat(post(failing, body)).isEqualTo("500 listener_error");
			assertThat(post(healthy, body)).isEqualTo("200 handled");
			assertThat(published(healthy)).isOne();
		}));
		assertThat(this.logs.text()).contains(
				"ERROR com.blooio.spring.webhook.BlooioWebhookHandler - A listener failed on Blooio webhook BlooioMessageReceivedEvent")
			.contains("[java.lang.IllegalStateException: Listener failure provoked by the test]");
	}

	@Test
	void redeliveryWhileADeadInstancesLeaseIsHeldIsAnsweredConflictAndHandledOnceAfterTheLease() throws Exception {
		HangingListener hanging = new HangingListener();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		String lease = "blooio.webhook.deduplication.lease=2s";
		try {
			instance().withPropertyValues(lease)
				.withBean(HangingListener.class, () -> hanging)
				.run((dying) -> instance().withPropertyValues(lease).run((survivor) -> {
					assertThat(post(survivor, received("warm-up"))).isEqualTo("200 handled");
					byte[] body = received("msg-1");
					Future<String> lastAnswer = executor.submit(() -> post(dying, body));
					assertThat(hanging.entered.await(10, TimeUnit.SECONDS)).isTrue();
					// the first instance claimed the event and hangs in its listener: not
					// handled yet, so not acknowledged
					assertThat(post(survivor, body)).isEqualTo("409 in_progress");
					dying.close();
					// Blooio delivers again until it gets a 2xx: once the lease is over
					await().atMost(Duration.ofSeconds(20))
						.pollInterval(Duration.ofMillis(100))
						.until(() -> post(survivor, body), "200 handled"::equals);
					assertThat(post(survivor, body)).isEqualTo("200 duplicate");
					assertThat(publishedMessageIds(survivor)).containsExactly("warm-up", "msg-1");
					hanging.release.countDown();
					lastAnswer.get(10, TimeUnit.SECONDS);
				}));
		}
		finally {
			hanging.release.countDown();
			executor.shutdownNow();
		}
		assertThat(this.logs.text()).contains(
				"ERROR com.blooio.spring.webhook.BlooioWebhookHandler - Could not record Blooio webhook BlooioMessageReceivedEvent")
			.contains("[org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection]")
			.contains("has been closed.]");
	}

	@Test
	void instancesStartingTogetherOnAnEmptyDatabaseBothCreateTheTableAndServe() throws Exception {
		List<String> answers = concurrently(2, () -> {
			AtomicReference<String> answer = new AtomicReference<>();
			instance().run((context) -> {
				assertThat(context).hasNotFailed();
				answer.set(post(context, received("msg-" + System.identityHashCode(context))));
			});
			return answer.get();
		});
		assertThat(answers).containsExactly("200 handled", "200 handled");
		instance().withPropertyValues("blooio.webhook.deduplication.jdbc.initialize-schema=never")
			.run((context) -> assertThat(JdbcClient.create(context.getBean(DataSource.class))
				.sql("SELECT COUNT(*) FROM " + TABLE)
				.query(Long.class)
				.single()).isEqualTo(2));
	}

	/**
	 * Returns a {@code message.received} body of Blooio's v2 format: de-duplicated by its
	 * event type and message id.
	 */
	private static byte[] received(String messageId) {
		return ("{\"event\":\"message.received\",\"message_id\":\"" + messageId
				+ "\",\"external_id\":\"+15551234567\",\"status\":\"received\",\"protocol\":\"imessage\","
				+ "\"timestamp\":1735324800123,\"text\":\"Hello\",\"sender\":\"+15551234567\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Delivers a body, signed now, and returns the status and outcome of the answer.
	 */
	private static String post(WebApplicationContext instance, byte[] body) throws Exception {
		MvcTestResult result = MockMvcTester.from(instance)
			.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, sign(body))
			.content(body)
			.exchange();
		String json = result.getResponse().getContentAsString();
		return result.getResponse().getStatus() + " " + json.replaceAll(".*\"outcome\":\"([^\"]*)\".*", "$1");
	}

	private static int published(ApplicationContext instance) {
		return instance.getBean(EventRecorder.class).receivedBy(BlooioMessageReceivedEvent.class).size();
	}

	private static List<String> publishedMessageIds(ApplicationContext... instances) {
		List<String> ids = new ArrayList<>();
		for (ApplicationContext instance : instances) {
			instance.getBean(EventRecorder.class)
				.receivedBy(BlooioMessageReceivedEvent.class)
				.forEach((event) -> ids.add(((BlooioMessageEvent) event).getMessageId()));
		}
		return ids;
	}

	/**
	 * A listener that fails on every event.
	 */
	static class FailingListener {

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) {
			throw new IllegalStateException("Listener failure provoked by the test");
		}

	}

	/**
	 * A listener that hangs on {@code msg-1}, as in an instance that dies before its
	 * listeners return: the claim is neither completed nor released.
	 */
	static class HangingListener {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) throws InterruptedException {
			if ("msg-1".equals(event.getMessageId())) {
				this.entered.countDown();
				this.release.await(60, TimeUnit.SECONDS);
			}
		}

	}

}
