package com.blooio.spring.webhook.catchup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookOutcome;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catch-up reads the v4 event feed back to its checkpoint and publishes what it finds
 * through the webhook pipeline, so each event reaches listeners once, however it came.
 */
class BlooioEventCatchUpTests {

	private static final String SECRET = "whsec_catch_up";

	private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(5);

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring.webhook");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final List<BlooioEvent> published = new CopyOnWriteArrayList<>();

	private final InMemoryCatchUpCheckpointStore checkpoints = new InMemoryCatchUpCheckpointStore();

	private MockWebServer blooio;

	private BlooioWebhookHandler handler;

	private BlooioEventCatchUp catchUp;

	@BeforeEach
	void start() throws IOException {
		this.blooio = new MockWebServer();
		this.blooio.start();
		BlooioTemplate template = new BlooioTemplate(WebClient.create(),
				BlooioClientSettings.of("bl_test_key")
					.withV4BaseUrl(URI.create(this.blooio.url("/v4").toString()))
					.withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
		this.handler = new BlooioWebhookHandler(new WebhookSignatureVerifier(List.of(SECRET)),
				new InMemoryWebhookDeduplicationStore(1000, Duration.ofHours(24)), this::publish);
		this.catchUp = new BlooioEventCatchUp(template, this.handler, this.checkpoints, Duration.ofHours(24),
				Duration.ofMinutes(5), this.clock);
	}

	@AfterEach
	void stop() {
		this.blooio.close();
	}

	@Test
	void missedEventsArePublishedOldestFirstAndTheCheckpointMovesToTheStart() {
		feed(event("evt_3", "m3", NOW.minusSeconds(10)), event("evt_2", "m2", NOW.minusSeconds(20)),
				event("evt_1", "m1", NOW.minusSeconds(30)));
		CatchUpResult result = this.catchUp.catchUp().block(VERIFY_TIMEOUT);
		assertThat(publishedMessageIds()).containsExactly("m1", "m2", "m3");
		assertThat(result.read()).isEqualTo(3);
		assertThat(result.published()).isEqualTo(3);
		assertThat(result.checkpoint()).isEqualTo(NOW);
		assertThat(this.checkpoints.load()).isEqualTo(NOW);
	}

	@Test
	void eventAWebhookDeliveredAlreadyIsNotPublishedAgain() {
		byte[] envelope = event("evt_1", "m1", NOW.minusSeconds(30)).getBytes(StandardCharsets.UTF_8);
		assertThat(this.handler.handle(signed(envelope), envelope)).isEqualTo(WebhookOutcome.HANDLED);
		feed(event("evt_1", "m1", NOW.minusSeconds(30)));
		CatchUpResult result = this.catchUp.catchUp().block(VERIFY_TIMEOUT);
		assertThat(this.published).hasSize(1);
		assertThat(result.duplicates()).isOne();
	}

	@Test
	void webhookArrivingAfterCatchUpPublishedItsEventIsADuplicate() {
		feed(event("evt_1", "m1", NOW.minusSeconds(30)));
		this.catchUp.catchUp().block(VERIFY_TIMEOUT);
		byte[] envelope = event("evt_1", "m1", NOW.minusSeconds(30)).getBytes(StandardCharsets.UTF_8);
		assertThat(this.handler.handle(signed(envelope), envelope)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void readingStopsAtTheCheckpointLessTheOverlapWithoutAskingForOlderPages() {
		this.checkpoints.save(NOW.minusSeconds(600));
		this.blooio.enqueue(json("{\"data\":[" + event("evt_2", "m2", NOW.minusSeconds(60)) + ","
				+ event("evt_1", "m1", NOW.minusSeconds(1200)) + "],\"has_more\":true,\"next_cursor\":\"c1\"}"));
		CatchUpResult result = this.catchUp.catchUp().block(VERIFY_TIMEOUT);
		assertThat(publishedMessageIds()).containsExactly("m2");
		assertThat(result.since()).isEqualTo(NOW.minusSeconds(600).minus(Duration.ofMinutes(5)));
		assertThat(this.blooio.getRequestCount()).isOne();
	}

	@Test
	void withoutCheckpointItReadsNoFurtherBackThanTheMaximumAge() {
		feed(event("evt_2", "m2", NOW.minus(Duration.ofHours(23))),
				event("evt_1", "m1", NOW.minus(Duration.ofHours(25))));
		CatchUpResult result = this.catchUp.catchUp().block(VERIFY_TIMEOUT);
		assertThat(publishedMessageIds()).containsExactly("m2");
		assertThat(result.since()).isEqualTo(NOW.minus(Duration.ofHours(24)));
	}

	@Test
	void failedListenerKeepsTheCheckpointBeforeTheEventSoTheNextCatchUpPublishesIt() {
		List<String> failOnce = new CopyOnWriteArrayList<>(List.of("m2"));
		BlooioWebhookHandler failing = new BlooioWebhookHandler(null,
				new InMemoryWebhookDeduplicationStore(1000, Duration.ofHours(24)), (event) -> {
					if (failOnce.remove(((BlooioMessageReceivedEvent) event).getMessageId())) {
						throw new IllegalStateException("listener failed");
					}
					publish(event);
				});
		BlooioEventCatchUp catchUp = new BlooioEventCatchUp(
				new BlooioTemplate(WebClient.create(),
						BlooioClientSettings.of("bl_test_key")
							.withV4BaseUrl(URI.create(this.blooio.url("/v4").toString()))),
				failing, this.checkpoints, Duration.ofHours(24), Duration.ofMinutes(5), this.clock);
		feed(event("evt_3", "m3", NOW.minusSeconds(10)), event("evt_2", "m2", NOW.minusSeconds(20)),
				event("evt_1", "m1", NOW.minusSeconds(30)));
		CatchUpResult first = catchUp.catchUp().block(VERIFY_TIMEOUT);
		assertThat(first.failed()).isOne();
		assertThat(this.checkpoints.load()).isBefore(NOW.minusSeconds(20));
		// the listener's failure, then the catch-up's summary that it will try again
		assertThat(this.logs.text().lines()).satisfiesExactly(
				(line) -> assertThat(line).startsWith("ERROR " + BlooioWebhookHandler.class.getName())
					.contains("A listener failed on Blooio webhook BlooioMessageReceivedEvent")
					.contains("messageId=m2")
					.endsWith("[java.lang.IllegalStateException: listener failed]"),
				(line) -> assertThat(line).startsWith("WARN " + BlooioEventCatchUp.class.getName())
					.contains("3 events read, 2 published, 0 already published, 0 in progress, 1 failed;"
							+ " the next catch-up tries the failed ones again"));
		feed(event("evt_3", "m3", NOW.minusSeconds(10)), event("evt_2", "m2", NOW.minusSeconds(20)),
				event("evt_1", "m1", NOW.minusSeconds(30)));
		CatchUpResult second = catchUp.catchUp().block(VERIFY_TIMEOUT);
		assertThat(second.published()).isOne();
		assertThat(publishedMessageIds()).containsExactly("m1", "m3", "m2");
	}

	@Test
	void checkpointSavedByAnotherInstanceIsWhereTheNextCatchUpStarts() {
		this.checkpoints.save(NOW.minusSeconds(60));
		feed();
		CatchUpResult result = this.catchUp.catchUp().block(VERIFY_TIMEOUT);
		assertThat(result.since()).isEqualTo(NOW.minusSeconds(60).minus(Duration.ofMinutes(5)));
	}

	private void publish(Object event) {
		this.published.add((BlooioEvent) event);
	}

	private List<String> publishedMessageIds() {
		return this.published.stream()
			.map((event) -> ((BlooioMessageReceivedEvent) event).getMessageId())
			.collect(Collectors.toList());
	}

	private void feed(String... newestFirst) {
		this.blooio.enqueue(json("{\"data\":[" + Stream.of(newestFirst).collect(Collectors.joining(","))
				+ "],\"has_more\":false,\"next_cursor\":null}"));
	}

	private static String event(String id, String messageId, Instant occurredAt) {
		return "{\"id\":\"" + id + "\",\"type\":\"message.received\",\"message_id\":\"" + messageId
				+ "\",\"chat_id\":\"chat_1\",\"channel_type\":\"imessage\",\"occurred_at\":" + occurredAt.toEpochMilli()
				+ ",\"data\":{\"sender\":\"+15551234567\",\"text\":\"hi\"}}";
	}

	private HttpHeaders signed(byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.signatureHeader(SECRET, Instant.now(), body));
		return headers;
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}
