package com.blooio.spring.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;

import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioGenericEvent;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReactionEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioWebhookHandler} with a real verifier, a real in-memory store and
 * a recording publisher.
 */
class BlooioWebhookHandlerTests {

	private static final String SECRET = "whsec_a1b2c3d4e5f6789012345678901234567890abcdef";

	private static final String PREVIOUS_SECRET = "whsec_00112233445566778899aabbccddeeff00112233";

	private static final long NOW_SECONDS = 1735324800L;

	private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW_SECONDS), ZoneOffset.UTC);

	private static final String RECEIVED = """
			{"event":"message.received","message_id":"m1","external_id":"+15551234567","sender":"+15551234567",
			 "text":"hi","timestamp":1735324800123}""";

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.of(BlooioWebhookHandler.class);

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(SECRET, PREVIOUS_SECRET),
			WebhookSignatureVerifier.DEFAULT_TOLERANCE, CLOCK);

	private final BlooioWebhookHandler handler = handler(this.published::add);

	@Test
	void validDeliveryIsHandledAndPublishesOneEventOfTheRightType() {
		assertThat(deliver(RECEIVED)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).singleElement().isInstanceOfSatisfying(BlooioMessageReceivedEvent.class, (event) -> {
			assertThat(event.getMessageId()).isEqualTo("m1");
			assertThat(event.getText()).isEqualTo("hi");
			assertThat(event.getDelivery().signedAt()).isEqualTo(Instant.ofEpochSecond(NOW_SECONDS));
			assertThat(event.getSource()).isSameAs(this.handler);
		});
	}

	@Test
	void fixtureDeliveriesPublishTheirEventTypes() throws IOException {
		for (String fixture : List.of("webhook-message.received.json", "webhook-message.received.group.json",
				"webhook-message.sent.json", "webhook-message.delivered.json", "webhook-message.failed.json",
				"webhook-message.read.json")) {
			byte[] body = WebhookEventParserTests.fixture(fixture);
			assertThat(this.handler.handle(signed(body), body)).as(fixture).isEqualTo(WebhookOutcome.HANDLED);
		}
		assertThat(this.published).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("BlooioMessageReceivedEvent", "BlooioMessageReceivedEvent", "BlooioMessageSentEvent",
					"BlooioMessageDeliveredEvent", "BlooioMessageFailedEvent", "BlooioMessageReadEvent");
	}

	@Test
	void sameDeliveryAgainIsDuplicateAndNotPublishedTwice() {
		deliver(RECEIVED);
		assertThat(deliver(RECEIVED)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void redeliverySignedAtLaterTimeIsDuplicate() {
		byte[] body = bytes(RECEIVED);
		this.handler.handle(signed(body, NOW_SECONDS - 120), body);
		assertThat(this.handler.handle(signed(body, NOW_SECONDS), body)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void concurrentIdenticalDeliveriesArePublishedExactlyOnce() throws Exception {
		int deliveries = 100;
		// the first delivery's listener holds its claim until every other delivery was
		// answered, so that all of them race against a claim in progress
		CountDownLatch othersAnswered = new CountDownLatch(deliveries - 1);
		AtomicInteger publications = new AtomicInteger();
		BlooioWebhookHandler slow = handler((event) -> {
			publications.incrementAndGet();
			this.published.add(event);
			await(othersAnswered);
		});
		byte[] body = bytes(RECEIVED);
		HttpHeaders headers = signed(body);
		ExecutorService executor = Executors.newFixedThreadPool(deliveries);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<WebhookOutcome>> outcomes = new ArrayList<>();
			for (int i = 0; i < deliveries; i++) {
				outcomes.add(executor.submit(() -> {
					start.await();
					WebhookOutcome outcome = slow.handle(headers, body);
					if (outcome != WebhookOutcome.HANDLED) {
						othersAnswered.countDown();
					}
					return outcome;
				}));
			}
			start.countDown();
			List<WebhookOutcome> results = new ArrayList<>();
			for (Future<WebhookOutcome> outcome : outcomes) {
				results.add(outcome.get(10, TimeUnit.SECONDS));
			}
			assertThat(publications).hasValue(1);
			assertThat(this.published).hasSize(1);
			assertThat(results).filteredOn((outcome) -> outcome == WebhookOutcome.HANDLED).hasSize(1);
			assertThat(results).filteredOn((outcome) -> outcome == WebhookOutcome.IN_PROGRESS).hasSize(deliveries - 1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void listenerFailureIsListenerErrorAndRedeliveryIsHandled() {
		AtomicInteger attempts = new AtomicInteger();
		BlooioWebhookHandler failingOnce = handler((event) -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("listener broke");
			}
			this.published.add(event);
		});
		byte[] body = bytes(RECEIVED);
		assertThat(failingOnce.handle(signed(body), body)).isEqualTo(WebhookOutcome.LISTENER_ERROR);
		assertThat(failingOnce.handle(signed(body), body)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(failingOnce.handle(signed(body), body)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(attempts).hasValue(2);
		assertThat(this.published).hasSize(1);
		assertListenerFailureLogged("listener broke");
	}

	@Test
	void badSignatureIsRejectedAndNothingPublished() {
		byte[] body = bytes(RECEIVED);
		HttpHeaders headers = headers(
				WebhookSigner.signatureHeader("whsec_wrong", Instant.ofEpochSecond(NOW_SECONDS), body));
		assertThat(this.handler.handle(headers, body)).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
	}

	@Test
	void missingSignatureHeaderIsBadSignature() {
		assertThat(this.handler.handle(new HttpHeaders(), bytes(RECEIVED))).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook (MISSING_HEADER): Webhook has no X-Blooio-Signature header");
	}

	@Test
	void malformedSignatureHeaderIsBadSignature() {
		assertThat(this.handler.handle(headers("t=abc,v1=nothex"), bytes(RECEIVED)))
			.isEqualTo(WebhookOutcome.BAD_SIGNATURE);
		assertThat(this.published).isEmpty();
		assertWarned(
				"Rejected Blooio webhook (MALFORMED_HEADER): Webhook X-Blooio-Signature header needs t=<unix seconds> and v1=<hex>");
	}

	@Test
	void tamperedBodyIsBadSignature() {
		byte[] body = bytes(RECEIVED);
		HttpHeaders headers = signed(body);
		assertThat(this.handler.handle(headers, bytes(RECEIVED.replace("hi", "ho"))))
			.isEqualTo(WebhookOutcome.BAD_SIGNATURE);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
	}

	@Test
	void rejectedDeliveryDoesNotBlockGenuineOneWithSameBody() {
		byte[] body = bytes(RECEIVED);
		this.handler.handle(
				headers(WebhookSigner.signatureHeader("whsec_wrong", Instant.ofEpochSecond(NOW_SECONDS), body)), body);
		assertThat(this.handler.handle(signed(body), body)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).hasSize(1);
		assertWarned("Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
	}

	@Test
	void staleSignatureIsStaleAndNothingPublished() {
		byte[] body = bytes(RECEIVED);
		assertThat(this.handler.handle(signed(body, NOW_SECONDS - 301), body)).isEqualTo(WebhookOutcome.STALE);
		assertThat(this.published).isEmpty();
		assertWarned(
				"Rejected Blooio webhook (TIMESTAMP_OUT_OF_TOLERANCE): Webhook signature timestamp is 301 s from now, more than the tolerance of 300 s");
	}

	@Test
	void signatureFromTheFutureBeyondToleranceIsStale() {
		byte[] body = bytes(RECEIVED);
		assertThat(this.handler.handle(signed(body, NOW_SECONDS + 301), body)).isEqualTo(WebhookOutcome.STALE);
		assertWarned(
				"Rejected Blooio webhook (TIMESTAMP_OUT_OF_TOLERANCE): Webhook signature timestamp is 301 s from now, more than the tolerance of 300 s");
	}

	@Test
	void staleDeliveryDoesNotBlockFreshOneWithSameBody() {
		byte[] body = bytes(RECEIVED);
		this.handler.handle(signed(body, NOW_SECONDS - 3600), body);
		assertThat(this.handler.handle(signed(body), body)).isEqualTo(WebhookOutcome.HANDLED);
		assertWarned(
				"Rejected Blooio webhook (TIMESTAMP_OUT_OF_TOLERANCE): Webhook signature timestamp is 3600 s from now, more than the tolerance of 300 s");
	}

	@Test
	void deliverySignedWithPreviousSecretIsHandled() {
		byte[] body = bytes(RECEIVED);
		HttpHeaders headers = headers(
				WebhookSigner.signatureHeader(PREVIOUS_SECRET, Instant.ofEpochSecond(NOW_SECONDS), body));
		assertThat(this.handler.handle(headers, body)).isEqualTo(WebhookOutcome.HANDLED);
	}

	@Test
	void malformedJsonIsMalformedAndNothingPublished() {
		assertThat(deliver("{\"event\":\"message.received\",")).isEqualTo(WebhookOutcome.MALFORMED);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook: Webhook body is not valid JSON");
	}

	@Test
	void jsonArrayBodyIsMalformed() {
		assertThat(deliver("[" + RECEIVED + "]")).isEqualTo(WebhookOutcome.MALFORMED);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook: Webhook body is not a JSON object");
	}

	@Test
	void bodyNamingNoEventIsMalformed() {
		assertThat(deliver("{\"message_id\":\"m1\"}")).isEqualTo(WebhookOutcome.MALFORMED);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook: Webhook names no event type");
	}

	@Test
	void unsignedEventHeaderDoesNotSupplyAMissingEventType() {
		byte[] body = bytes("{\"message_id\":\"m1\",\"read_at\":1735324989870}");
		HttpHeaders headers = signed(body);
		headers.set("X-Blooio-Event", "message.read");
		assertThat(this.handler.handle(headers, body)).isEqualTo(WebhookOutcome.MALFORMED);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook: Webhook names no event type");
	}

	@Test
	void reactionAddThenRemoveOnSameMessageAreBothPublished() {
		assertThat(deliver(reaction("love", "add", 1735324800100L))).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(deliver(reaction("love", "remove", 1735324800200L))).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).hasSize(2)
			.allSatisfy((event) -> assertThat(event).isInstanceOf(BlooioMessageReactionEvent.class))
			.extracting((event) -> ((BlooioMessageReactionEvent) event).isAdded())
			.containsExactly(true, false);
	}

	@Test
	void reactionReAddedLaterIsPublishedAgain() {
		deliver(reaction("love", "add", 1735324800100L));
		deliver(reaction("love", "remove", 1735324800200L));
		assertThat(deliver(reaction("love", "add", 1735324800300L))).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).hasSize(3);
	}

	@Test
	void differentReactionsOnSameMessageAreBothPublished() {
		deliver(reaction("love", "add", 1735324800100L));
		assertThat(deliver(reaction("like", "add", 1735324800100L))).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).hasSize(2);
	}

	@Test
	void sameReactionRedeliveredIsDuplicate() {
		deliver(reaction("love", "add", 1735324800100L));
		assertThat(deliver(reaction("love", "add", 1735324800100L))).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void sameMessageIdWithDifferentEventTypesAreBothPublished() {
		assertThat(deliver("{\"event\":\"message.sent\",\"message_id\":\"m9\",\"sent_at\":1735324801370}"))
			.isEqualTo(WebhookOutcome.HANDLED);
		assertThat(deliver("{\"event\":\"message.delivered\",\"message_id\":\"m9\",\"delivered_at\":1735324802511}"))
			.isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("BlooioMessageSentEvent", "BlooioMessageDeliveredEvent");
	}

	@Test
	void sameMessageEventWithDifferentlyCasedTypeIsDuplicate() {
		deliver("{\"event\":\"message.sent\",\"message_id\":\"m9\"}");
		assertThat(deliver("{\"event\":\"Message.Sent\",\"message_id\":\"m9\"}")).isEqualTo(WebhookOutcome.DUPLICATE);
	}

	@Test
	void unsignedMessageIdHeaderDoesNotChangeTheDeduplicationKey() {
		byte[] body = bytes("{\"event\":\"message.read\"}");
		for (int i = 0; i < 5; i++) {
			HttpHeaders headers = signed(body);
			headers.set("X-Blooio-Message-Id", "m" + i);
			this.handler.handle(headers, body);
		}
		assertThat(this.published).hasSize(1);
	}

	@Test
	void capturedDeliveryResentWithReplayHeadersIsPublishedOnce() {
		// an attacker resends one signed delivery within the tolerance, each time with a
		// new unsigned replay header
		byte[] body = bytes(RECEIVED);
		List<WebhookOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			HttpHeaders replay = signed(body);
			replay.set("X-Blooio-Replay", "true");
			replay.set("X-Original-Event-Id", "evt_forged_" + i);
			replay.set("X-Blooio-Message-Id", "forged_" + i);
			replay.set("X-Blooio-Event", "message.failed");
			outcomes.add(this.handler.handle(replay, body));
		}
		assertThat(this.published).singleElement().isInstanceOf(BlooioMessageReceivedEvent.class);
		assertThat(outcomes).containsOnlyOnce(WebhookOutcome.HANDLED)
			.filteredOn((outcome) -> outcome != WebhookOutcome.HANDLED)
			.containsOnly(WebhookOutcome.DUPLICATE);
		assertThat(((BlooioEvent) this.published.get(0)).getDelivery().unverifiedHeaders().replay()).isTrue();
	}

	@Test
	void capturedEnvelopeResentWithReplayHeadersIsPublishedOnce() {
		byte[] body = bytes(envelope("evt_1", "m1"));
		for (int i = 0; i < 5; i++) {
			HttpHeaders replay = signed(body);
			replay.set("X-Blooio-Replay", "true");
			replay.set("X-Original-Event-Id", "evt_forged_" + i);
			this.handler.handle(replay, body);
		}
		assertThat(this.published).hasSize(1);
	}

	@Test
	void unsignedEventHeaderDoesNotChangeTheEventType() {
		byte[] body = bytes(RECEIVED);
		HttpHeaders headers = signed(body);
		headers.set("X-Blooio-Event", "message.failed");
		assertThat(this.handler.handle(headers, body)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).singleElement().isInstanceOf(BlooioMessageReceivedEvent.class);
	}

	@Test
	void redeliveryWhileTheFirstAttemptRunsIsInProgressAndNotAcknowledged() throws Exception {
		CountDownLatch firstRunning = new CountDownLatch(1);
		CountDownLatch redeliveryAnswered = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		BlooioWebhookHandler slow = handler((event) -> {
			if (calls.incrementAndGet() == 1) {
				firstRunning.countDown();
				await(redeliveryAnswered);
				throw new IllegalStateException("first attempt fails after the redelivery arrived");
			}
			this.published.add(event);
		});
		byte[] body = bytes(RECEIVED);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<WebhookOutcome> first = executor.submit(() -> slow.handle(signed(body), body));
			await(firstRunning);
			WebhookOutcome redelivery = slow.handle(signed(body), body);
			redeliveryAnswered.countDown();
			assertThat(redelivery).isEqualTo(WebhookOutcome.IN_PROGRESS);
			assertThat(redelivery.status()).isEqualTo(409);
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(WebhookOutcome.LISTENER_ERROR);
		}
		finally {
			executor.shutdownNow();
		}
		// Blooio delivers again after the failure: this time it is published
		assertThat(slow.handle(signed(body), body)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).hasSize(1);
		assertListenerFailureLogged("first attempt fails after the redelivery arrived");
	}

	@Test
	void deliveryWhoseClaimCannotBeMadeIsAnsweredUnavailableAndNotPublished() {
		WebhookDeduplicationStore unreachable = new WebhookDeduplicationStore() {

			@Override
			public Claim claim(String key, Duration lease) {
				throw new IllegalStateException("store down");
			}

			@Override
			public boolean complete(String key, String owner) {
				throw new IllegalStateException("store down");
			}

			@Override
			public boolean release(String key, String owner) {
				throw new IllegalStateException("store down");
			}

		};
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, unreachable, this.published::add);
		assertThat(deliver(handler, RECEIVED)).isEqualTo(WebhookOutcome.STORE_UNAVAILABLE);
		assertThat(this.published).isEmpty();
		assertThat(this.logs.text()).startsWith("ERROR")
			.contains("Could not claim Blooio webhook BlooioMessageReceivedEvent")
			.contains("[java.lang.IllegalStateException: store down]");
	}

	@Test
	void deliveryIsAnsweredHandledBeforeTheStoreHasRecordedItsCompletion() {
		CompletableFuture<Boolean> completion = new CompletableFuture<>();
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, completingWith(completion),
				this.published::add);
		assertThat(deliver(handler, RECEIVED)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(completion).isNotDone();
		assertThat(this.published).hasSize(1);
	}

	@Test
	void completionThatFailsAfterTheAnswerIsLoggedAsAnError() {
		CompletableFuture<Boolean> completion = new CompletableFuture<>();
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, completingWith(completion),
				this.published::add);
		assertThat(deliver(handler, RECEIVED)).isEqualTo(WebhookOutcome.HANDLED);
		completion.completeExceptionally(new IllegalStateException("store down"));
		assertThat(this.logs.events()).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.ERROR);
			assertThat(event.getFormattedMessage()).startsWith("Could not record Blooio webhook");
			assertThat(event.getThrowableProxy().getMessage()).isEqualTo("store down");
		});
	}

	@Test
	void completionRefusedBecauseTheLeaseWasTakenOverIsLoggedAsAWarning() {
		CompletableFuture<Boolean> completion = new CompletableFuture<>();
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, completingWith(completion),
				this.published::add);
		deliver(handler, RECEIVED);
		completion.complete(false);
		assertThat(this.logs.events()).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains("outlasted their lease");
		});
	}

	@Test
	void asynchronousHandlingClaimsOnTheCallingThreadAndPublishesOnTheListenerExecutor() throws Exception {
		List<Thread> claimedOn = new CopyOnWriteArrayList<>();
		List<Thread> publishedOn = new CopyOnWriteArrayList<>();
		WebhookDeduplicationStore store = recordingClaimThreads(true, claimedOn);
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, store,
				(event) -> publishedOn.add(Thread.currentThread()));
		ExecutorService listeners = Executors.newSingleThreadExecutor();
		try {
			byte[] body = bytes(RECEIVED);
			WebhookOutcome outcome = handler.handle(signed(body), body, listeners)
				.toCompletableFuture()
				.get(10, TimeUnit.SECONDS);
			assertThat(outcome).isEqualTo(WebhookOutcome.HANDLED);
			assertThat(claimedOn).containsExactly(Thread.currentThread());
			assertThat(publishedOn).singleElement().isNotEqualTo(Thread.currentThread());
		}
		finally {
			listeners.shutdownNow();
		}
	}

	@Test
	void asynchronousHandlingWithABlockingStoreClaimsOnTheListenerExecutor() throws Exception {
		List<Thread> claimedOn = new CopyOnWriteArrayList<>();
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, recordingClaimThreads(false, claimedOn),
				this.published::add);
		ExecutorService listeners = Executors.newSingleThreadExecutor();
		try {
			byte[] body = bytes(RECEIVED);
			WebhookOutcome outcome = handler.handle(signed(body), body, listeners)
				.toCompletableFuture()
				.get(10, TimeUnit.SECONDS);
			assertThat(outcome).isEqualTo(WebhookOutcome.HANDLED);
			assertThat(claimedOn).singleElement().isNotEqualTo(Thread.currentThread());
			assertThat(this.published).hasSize(1);
		}
		finally {
			listeners.shutdownNow();
		}
	}

	@Test
	void deliveryClaimedButRefusedByTheListenerExecutorIsOverloadedAndItsRedeliveryIsHandled() throws Exception {
		InMemoryWebhookDeduplicationStore memory = new InMemoryWebhookDeduplicationStore(10, Duration.ofHours(1),
				CLOCK);
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, memory, this.published::add);
		byte[] body = bytes(RECEIVED);
		Executor refusing = (task) -> {
			throw new RejectedExecutionException("full");
		};
		assertThat(handler.handle(signed(body), body, refusing).toCompletableFuture().get(10, TimeUnit.SECONDS))
			.isEqualTo(WebhookOutcome.OVERLOADED);
		assertThat(this.published).isEmpty();
		assertThat(handler.handle(signed(body), body, Runnable::run).toCompletableFuture().get(10, TimeUnit.SECONDS))
			.isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void asynchronousHandlingOfAForgedDeliveryNeverReachesTheListenerExecutor() throws Exception {
		InMemoryWebhookDeduplicationStore memory = new InMemoryWebhookDeduplicationStore(10, Duration.ofHours(1),
				CLOCK);
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, memory, this.published::add);
		byte[] body = bytes(RECEIVED);
		HttpHeaders forged = signed(bytes(RECEIVED.replace("\"hi\"", "\"HI\"")));
		Executor failing = (task) -> {
			throw new AssertionError("a forged delivery was handed to the listener executor");
		};
		assertThat(handler.handle(forged, body, failing).toCompletableFuture().get(10, TimeUnit.SECONDS))
			.isEqualTo(WebhookOutcome.BAD_SIGNATURE);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
	}

	@Test
	void deliveryIsClaimedUnderTheConfiguredLease() {
		List<Duration> leases = new ArrayList<>();
		WebhookDeduplicationStore recording = new InMemoryDelegatingStore() {

			@Override
			public Claim claim(String key, Duration lease) {
				leases.add(lease);
				return super.claim(key, lease);
			}

		};
		BlooioWebhookHandler handler = new BlooioWebhookHandler(this.verifier, recording, this.published::add,
				(eventType, outcome, signedAt) -> {
				}, Duration.ofSeconds(42));
		deliver(handler, RECEIVED);
		assertThat(leases).containsExactly(Duration.ofSeconds(42));
	}

	@Test
	void timestampBeyondTheRangeOfLongIsReadAsAbsentNotAServerError() {
		for (String timestamp : List.of("1e999999", "-1e300", "9223372036854775808", "1" + "0".repeat(300))) {
			String json = "{\"event\":\"message.received\",\"message_id\":\"big-" + timestamp.length()
					+ timestamp.charAt(0) + "\",\"timestamp\":" + timestamp + ",\"received_at\":" + timestamp + "}";
			assertThat(deliver(json)).as(timestamp).isEqualTo(WebhookOutcome.HANDLED);
		}
		assertThat(this.published).hasSize(4)
			.allSatisfy((event) -> assertThat(((BlooioMessageReceivedEvent) event).getEventTime()).isNull());
	}

	@Test
	void replayRedeliveredIsDuplicate() {
		byte[] body = bytes(RECEIVED);
		HttpHeaders replay = signed(body);
		replay.set("X-Blooio-Replay", "true");
		replay.set("X-Original-Event-Id", "evt_original_1");
		this.handler.handle(replay, body);
		assertThat(this.handler.handle(replay, body)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void v4EnvelopesWithDifferentIdsAreBothPublished() {
		assertThat(deliver(envelope("evt_1", "m1"))).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(deliver(envelope("evt_2", "m1"))).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).hasSize(2);
	}

	@Test
	void v4EnvelopeWithSameIdIsPublishedOnce() {
		deliver(envelope("evt_1", "m1"));
		assertThat(deliver(envelope("evt_1", "m1"))).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void v4EnvelopeWithSameIdButReformattedBodyIsPublishedOnce() {
		deliver(envelope("evt_1", "m1"));
		assertThat(deliver(envelope("evt_1", "m1").replace(",", ", "))).isEqualTo(WebhookOutcome.DUPLICATE);
	}

	@Test
	void unknownEventTypeIsPublishedAsGenericEventOnce() {
		String unknown = "{\"event\":\"number.removed\",\"number\":\"+15550000001\",\"option\":2}";
		assertThat(deliver(unknown)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(deliver(unknown)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(deliver("{\"event\":\"number.removed\",\"number\":\"+15550000001\",\"option\":3}"))
			.isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).hasSize(2)
			.allSatisfy((event) -> assertThat(event).isInstanceOfSatisfying(BlooioGenericEvent.class,
					(generic) -> assertThat(generic.getEventType()).isEqualTo("number.removed")));
	}

	@Test
	void unsignedModeHandlesDeliveryWithoutSignatureHeader() {
		BlooioWebhookHandler unsigned = new BlooioWebhookHandler(null,
				new InMemoryWebhookDeduplicationStore(100, Duration.ofHours(1), CLOCK), this.published::add);
		assertThat(unsigned.handle(new HttpHeaders(), bytes(RECEIVED))).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.published).singleElement()
			.satisfies((event) -> assertThat(((BlooioEvent) event).getDelivery().signedAt()).isNull());
	}

	@Test
	void unsignedModeStillRejectsMalformedBody() {
		BlooioWebhookHandler unsigned = new BlooioWebhookHandler(null,
				new InMemoryWebhookDeduplicationStore(100, Duration.ofHours(1), CLOCK), this.published::add);
		assertThat(unsigned.handle(new HttpHeaders(), bytes("nope"))).isEqualTo(WebhookOutcome.MALFORMED);
		assertThat(this.published).isEmpty();
		assertWarned("Rejected Blooio webhook: Webhook body is not valid JSON");
	}

	@Test
	void alternativeSignatureHeaderNameIsAccepted() {
		byte[] body = bytes(RECEIVED);
		HttpHeaders headers = new HttpHeaders();
		headers.set("Blooio-Signature",
				WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(NOW_SECONDS), body));
		assertThat(this.handler.handle(headers, body)).isEqualTo(WebhookOutcome.HANDLED);
	}

	@Test
	void signatureHeaderNameIsCaseInsensitive() {
		byte[] body = bytes(RECEIVED);
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-blooio-signature",
				WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(NOW_SECONDS), body));
		assertThat(this.handler.handle(headers, body)).isEqualTo(WebhookOutcome.HANDLED);
	}

	@Test
	void springListenersReceiveEventsByTypeAndCondition() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				RecordingListeners.class)) {
			RecordingListeners listeners = context.getBean(RecordingListeners.class);
			BlooioWebhookHandler springHandler = handler(context);
			assertThat(deliver(springHandler, RECEIVED)).isEqualTo(WebhookOutcome.HANDLED);
			assertThat(deliver(springHandler, RECEIVED.replace("\"m1\"", "\"m2\"").replace("\"hi\"", "\"bye\"")))
				.isEqualTo(WebhookOutcome.HANDLED);
			assertThat(deliver(springHandler, "{\"event\":\"message.delivered\",\"message_id\":\"m1\"}"))
				.isEqualTo(WebhookOutcome.HANDLED);
			assertThat(deliver(springHandler, "{\"event\":\"number.removed\",\"number\":\"+15550000001\"}"))
				.isEqualTo(WebhookOutcome.HANDLED);
			assertThat(listeners.anyMessage).extracting(BlooioMessageEvent::getEventType)
				.containsExactly("message.received", "message.received", "message.delivered");
			assertThat(listeners.received).extracting(BlooioMessageEvent::getMessageId).containsExactly("m1", "m2");
			assertThat(listeners.saidHi).extracting(BlooioMessageEvent::getMessageId).containsExactly("m1");
			assertThat(listeners.generic).extracting(BlooioEvent::getEventType).containsExactly("number.removed");
		}
	}

	@Test
	void springListenerFailureIsListenerErrorAndRedeliveryIsHandled() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				FailingOnceListener.class)) {
			FailingOnceListener listener = context.getBean(FailingOnceListener.class);
			BlooioWebhookHandler springHandler = handler(context);
			assertThat(deliver(springHandler, RECEIVED)).isEqualTo(WebhookOutcome.LISTENER_ERROR);
			assertThat(deliver(springHandler, RECEIVED)).isEqualTo(WebhookOutcome.HANDLED);
			assertThat(listener.calls).hasValue(2);
		}
		assertListenerFailureLogged("first call fails");
	}

	private BlooioWebhookHandler handler(ApplicationEventPublisher publisher) {
		return new BlooioWebhookHandler(this.verifier,
				new InMemoryWebhookDeduplicationStore(1000, Duration.ofHours(1), CLOCK), publisher);
	}

	/**
	 * A store that claims in memory and whose completions complete when the test says so.
	 */
	private static WebhookDeduplicationStore completingWith(CompletableFuture<Boolean> completion) {
		return new InMemoryDelegatingStore() {

			@Override
			public boolean complete(String key, String owner) {
				throw new UnsupportedOperationException("the handler does not wait for completions");
			}

			@Override
			public CompletionStage<Boolean> completeAsync(String key, String owner) {
				return completion;
			}

		};
	}

	/**
	 * A store in memory that records the thread of every claim and says whether it claims
	 * without blocking.
	 */
	private static WebhookDeduplicationStore recordingClaimThreads(boolean nonBlocking, List<Thread> claimedOn) {
		return new InMemoryDelegatingStore() {

			@Override
			public Claim claim(String key, Duration lease) {
				claimedOn.add(Thread.currentThread());
				return super.claim(key, lease);
			}

			@Override
			public boolean claimsWithoutBlocking() {
				return nonBlocking;
			}

		};
	}

	private WebhookOutcome deliver(String body) {
		return deliver(this.handler, body);
	}

	private static WebhookOutcome deliver(BlooioWebhookHandler handler, String json) {
		byte[] body = bytes(json);
		return handler.handle(signed(body), body);
	}

	private static HttpHeaders signed(byte[] body) {
		return signed(body, NOW_SECONDS);
	}

	private static HttpHeaders signed(byte[] body, long unixSeconds) {
		return headers(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(unixSeconds), body));
	}

	private static HttpHeaders headers(String signature) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(WebhookSigner.SIGNATURE_HEADER, signature);
		return headers;
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String reaction(String reaction, String action, long timestamp) {
		return "{\"event\":\"message.reaction\",\"direction\":\"inbound\",\"message_id\":\"m1\","
				+ "\"external_id\":\"+15551234567\",\"reaction\":\"" + reaction + "\",\"action\":\"" + action
				+ "\",\"sender\":\"+15551234567\",\"timestamp\":" + timestamp + "}";
	}

	private static String envelope(String id, String messageId) {
		return "{\"id\":\"" + id + "\",\"type\":\"message.received\",\"created_at\":\"2026-05-01T12:00:00Z\","
				+ "\"data\":{\"message_id\":\"" + messageId + "\",\"external_id\":\"+15551234567\",\"text\":\"hi\"}}";
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).as("signal within 10 s").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static class RecordingListeners {

		final List<BlooioMessageEvent> anyMessage = new CopyOnWriteArrayList<>();

		final List<BlooioMessageReceivedEvent> received = new CopyOnWriteArrayList<>();

		final List<BlooioMessageReceivedEvent> saidHi = new CopyOnWriteArrayList<>();

		final List<BlooioGenericEvent> generic = new CopyOnWriteArrayList<>();

		@EventListener
		void onAnyMessage(BlooioMessageEvent event) {
			this.anyMessage.add(event);
		}

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) {
			this.received.add(event);
		}

		@EventListener(condition = "#event.text == 'hi'")
		void onHi(BlooioMessageReceivedEvent event) {
			this.saidHi.add(event);
		}

		@EventListener
		void onGeneric(BlooioGenericEvent event) {
			this.generic.add(event);
		}

	}

	static class FailingOnceListener {

		final AtomicInteger calls = new AtomicInteger();

		@EventListener
		void on(BlooioMessageReceivedEvent event) {
			if (this.calls.incrementAndGet() == 1) {
				throw new IllegalStateException("first call fails");
			}
		}

	}

	/**
	 * A store that passes every call to a store in memory; tests override what they watch
	 * or change.
	 */
	private static class InMemoryDelegatingStore implements WebhookDeduplicationStore {

		private final InMemoryWebhookDeduplicationStore memory = new InMemoryWebhookDeduplicationStore(10,
				Duration.ofHours(1), CLOCK);

		@Override
		public Claim claim(String key, Duration lease) {
			return this.memory.claim(key, lease);
		}

		@Override
		public boolean complete(String key, String owner) {
			return this.memory.complete(key, owner);
		}

		@Override
		public boolean release(String key, String owner) {
			return this.memory.release(key, owner);
		}

	}

	private void assertWarned(String message) {
		assertThat(this.logs.messages(Level.WARN)).containsExactly(message);
	}

	private void assertListenerFailureLogged(String failure) {
		// one ERROR that names the event and carries the listener's exception
		assertThat(this.logs.messages(Level.ERROR)).singleElement()
			.asString()
			.startsWith(
					"A listener failed on Blooio webhook BlooioMessageReceivedEvent{eventType=message.received, messageId=m1");
		assertThat(this.logs.text()).contains("[java.lang.IllegalStateException: " + failure + "]");
	}

}
