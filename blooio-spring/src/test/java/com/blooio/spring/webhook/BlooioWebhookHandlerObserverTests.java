package com.blooio.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;

import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.signature.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what {@link BlooioWebhookHandler} reports to its
 * {@link WebhookDeliveryObserver}: one report per delivery, with the event type and the
 * signature time only when they are known.
 */
class BlooioWebhookHandlerObserverTests {

	private static final String SECRET = "whsec_a1b2c3d4e5f6789012345678901234567890abcdef";

	private static final long NOW_SECONDS = 1735324800L;

	private static final Instant SIGNED_AT = Instant.ofEpochSecond(NOW_SECONDS - 30);

	private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW_SECONDS), ZoneOffset.UTC);

	private static final String RECEIVED = """
			{"event":"message.received","message_id":"m1","external_id":"+15551234567","sender":"+15551234567",
			 "text":"hi","timestamp":1735324800123}""";

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.of(BlooioWebhookHandler.class);

	private final List<Report> reports = new CopyOnWriteArrayList<>();

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final BlooioWebhookHandler handler = handler(this.published::add, this::record);

	@Test
	void handledDeliveryIsReportedOnceWithEventTypeAndSignatureTime() {
		assertThat(deliver(RECEIVED, SIGNED_AT)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.reports).containsExactly(new Report("message.received", WebhookOutcome.HANDLED, SIGNED_AT));
	}

	@Test
	void repeatedDeliveryIsReportedAsDuplicateWithEventTypeAndSignatureTime() {
		deliver(RECEIVED, SIGNED_AT);
		Instant resignedAt = SIGNED_AT.plusSeconds(10);
		assertThat(deliver(RECEIVED, resignedAt)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.reports).containsExactly(new Report("message.received", WebhookOutcome.HANDLED, SIGNED_AT),
				new Report("message.received", WebhookOutcome.DUPLICATE, resignedAt));
	}

	@Test
	void listenerFailureIsReportedAsListenerErrorWithEventType() {
		BlooioWebhookHandler failing = handler((event) -> {
			throw new IllegalStateException("Listener failure provoked by the test");
		}, this::record);
		byte[] body = bytes(RECEIVED);
		assertThat(failing.handle(signed(body, SIGNED_AT), body)).isEqualTo(WebhookOutcome.LISTENER_ERROR);
		assertThat(this.reports)
			.containsExactly(new Report("message.received", WebhookOutcome.LISTENER_ERROR, SIGNED_AT));
		assertThat(this.logs.text()).startsWith("ERROR")
			.contains("A listener failed on Blooio webhook")
			.contains("Listener failure provoked by the test");
	}

	@Test
	void unknownEventTypeIsReportedAsReceivedLowerCase() {
		assertThat(deliver("{\"event\":\"Poll.Voted\",\"poll_id\":\"p1\"}", SIGNED_AT))
			.isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.reports).containsExactly(new Report("poll.voted", WebhookOutcome.HANDLED, SIGNED_AT));
	}

	@Test
	void forgedSignatureIsReportedWithoutEventTypeOrSignatureTime() {
		byte[] body = bytes(RECEIVED);
		HttpHeaders headers = headers(
				WebhookSigner.signatureHeader("whsec_forged", Instant.ofEpochSecond(NOW_SECONDS), body));
		assertThat(this.handler.handle(headers, body)).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
		assertThat(this.reports).containsExactly(new Report(null, WebhookOutcome.BAD_SIGNATURE, null));
		assertThat(this.logs.messages(Level.WARN))
			.containsExactly("Rejected Blooio webhook (BAD_SIGNATURE): Webhook signature matches no configured secret");
	}

	@Test
	void staleSignatureIsReportedWithoutEventTypeOrSignatureTime() {
		assertThat(deliver(RECEIVED, Instant.ofEpochSecond(NOW_SECONDS).minus(Duration.ofMinutes(10))))
			.isEqualTo(WebhookOutcome.STALE);
		assertThat(this.reports).containsExactly(new Report(null, WebhookOutcome.STALE, null));
		assertThat(this.logs.messages(Level.WARN)).singleElement()
			.asString()
			.startsWith("Rejected Blooio webhook (TIMESTAMP_OUT_OF_TOLERANCE)");
	}

	@Test
	void malformedBodyWithVerifiedSignatureIsReportedWithSignatureTimeOnly() {
		assertThat(deliver("not json", SIGNED_AT)).isEqualTo(WebhookOutcome.MALFORMED);
		assertThat(this.reports).containsExactly(new Report(null, WebhookOutcome.MALFORMED, SIGNED_AT));
		assertThat(this.logs.messages(Level.WARN))
			.containsExactly("Rejected Blooio webhook: Webhook body is not valid JSON");
	}

	@Test
	void unsignedDeliveryIsReportedWithoutSignatureTime() {
		BlooioWebhookHandler unsigned = new BlooioWebhookHandler(null,
				new InMemoryWebhookDeduplicationStore(100, Duration.ofHours(1), CLOCK), this.published::add,
				this::record);
		assertThat(unsigned.handle(new HttpHeaders(), bytes(RECEIVED))).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(this.reports).containsExactly(new Report("message.received", WebhookOutcome.HANDLED, null));
	}

	@Test
	void refusalByEndpointIsReportedWithoutEventTypeOrSignatureTime() {
		assertThat(this.handler.refuse(WebhookOutcome.TOO_LARGE)).isEqualTo(WebhookOutcome.TOO_LARGE);
		assertThat(this.reports).containsExactly(new Report(null, WebhookOutcome.TOO_LARGE, null));
	}

	@Test
	void failingObserverChangesNeitherOutcomeNorDeduplication() {
		AtomicInteger calls = new AtomicInteger();
		BlooioWebhookHandler observedByFailure = handler(this.published::add, (eventType, outcome, signedAt) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("Observer failure provoked by the test");
		});
		byte[] body = bytes(RECEIVED);
		assertThat(observedByFailure.handle(signed(body, SIGNED_AT), body)).isEqualTo(WebhookOutcome.HANDLED);
		assertThat(observedByFailure.handle(signed(body, SIGNED_AT), body)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
		assertThat(calls).hasValue(2);
		assertThat(this.logs.text()).contains(
				"WARN com.blooio.spring.webhook.BlooioWebhookHandler - Webhook delivery observer failed on outcome handled"
						+ " [java.lang.IllegalStateException: Observer failure provoked by the test]",
				"Webhook delivery observer failed on outcome duplicate");
	}

	private void record(@Nullable String eventType, WebhookOutcome outcome, @Nullable Instant signedAt) {
		this.reports.add(new Report(eventType, outcome, signedAt));
	}

	private WebhookOutcome deliver(String json, Instant signedAt) {
		byte[] body = bytes(json);
		return this.handler.handle(signed(body, signedAt), body);
	}

	private static BlooioWebhookHandler handler(ApplicationEventPublisher publisher, WebhookDeliveryObserver observer) {
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(SECRET),
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, CLOCK);
		return new BlooioWebhookHandler(verifier,
				new InMemoryWebhookDeduplicationStore(100, Duration.ofHours(1), CLOCK), publisher, observer);
	}

	private static HttpHeaders signed(byte[] body, Instant signedAt) {
		return headers(WebhookSigner.signatureHeader(SECRET, Instant.ofEpochSecond(signedAt.getEpochSecond()), body));
	}

	private static HttpHeaders headers(String signature) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(WebhookSigner.SIGNATURE_HEADER, signature);
		return headers;
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private record Report(@Nullable String eventType, WebhookOutcome outcome, @Nullable Instant signedAt) {

	}

}
