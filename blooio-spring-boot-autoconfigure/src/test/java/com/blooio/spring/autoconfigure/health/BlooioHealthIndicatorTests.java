package com.blooio.spring.autoconfigure.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ch.qos.logback.classic.Level;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.client.exception.BlooioAuthenticationException;
import com.blooio.spring.client.exception.BlooioInvalidResponseException;
import com.blooio.spring.client.exception.BlooioTimeoutException;
import com.blooio.spring.client.exception.BlooioTransportException;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.support.MutableClock;
import com.blooio.spring.webhook.event.WebhookDelivery;
import com.blooio.spring.webhook.event.safety.BlooioSafetyNumberBannedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyStateChangedEvent;
import com.blooio.spring.webhook.event.safety.SafetyAction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioHealthIndicator} against a mock Blooio server.
 */
class BlooioHealthIndicatorTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	private static final String API_KEY = "bl_test_health_7d2e";

	private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

	private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(5);

	private final MutableClock clock = new MutableClock();

	private final SafetyState safety = new SafetyState();

	private MockWebServer server;

	private BlooioHealthIndicator indicator;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.indicator = indicator(settings(), TIME_TO_LIVE);
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void upWhenKeyIsAcceptedAndANumberIsActive() throws Exception {
		this.server.enqueue(json(200, fixture("response-me.json")));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("numbers");
		assertThat(health.getDetails().get("numbers")).isEqualTo(List.of(Map.of("number", "+15559998888", "active",
				true, "planKind", "dedicated", "lastActive", "2024-12-27T18:40:00Z")));
		RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/me");
	}

	@Test
	void upWhenOneOfSeveralNumbersIsActive() {
		this.server
			.enqueue(json(200, me(device("+15551110000", false, "inbound"), device("+15552220000", true, null))));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("numbers"))
			.isEqualTo(List.of(Map.of("number", "+15551110000", "active", false, "planKind", "inbound"),
					Map.of("number", "+15552220000", "active", true)));
	}

	@Test
	void upDetailsNeverShowTheKeyBlooioEchoesNorAccountData() {
		this.server.enqueue(json(200, fixture("response-me.json")));
		Health health = health();
		assertThat(health.toString()).doesNotContain("bl_live_REDACTED", API_KEY, "org_a1b2c3d4", "Acme");
	}

	@Test
	void outOfServiceWhenNoNumberIsActive() {
		this.server.enqueue(json(200, me(device("+15551110000", false, "dedicated"))));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("reason",
				"No sender number is active: their devices are offline or locked");
		assertThat(health.getDetails().get("numbers"))
			.isEqualTo(List.of(Map.of("number", "+15551110000", "active", false, "planKind", "dedicated")));
	}

	@Test
	void outOfServiceWhenTheKeyHasNoNumber() {
		this.server.enqueue(json(200, me()));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("reason", "The API key has no sender number")
			.containsEntry("numbers", List.of());
	}

	@Test
	void downWhenBlooioRejectsTheKey() {
		this.server.enqueue(json(401, fixture("error-401.json")));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(Map.entry("error", BlooioAuthenticationException.class.getName()),
				Map.entry("reason", "Blooio rejected the API key (blooio.api-key)"), Map.entry("httpStatus", 401));
		assertWarnedOnce(health);
	}

	@Test
	void downDetailsNeverShowTheRejectedKey() {
		this.server.enqueue(json(401, "{\"error\":\"ApiError\",\"message\":\"Invalid API key " + API_KEY + "\"}"));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.toString()).doesNotContain(API_KEY);
		assertWarnedOnce(health);
		assertThat(this.logs.text()).doesNotContain(API_KEY);
	}

	@Test
	void downWhenBlooioReportsTheKeyAsNotValid() {
		this.server.enqueue(json(200, "{\"auth_type\":\"api_key\",\"valid\":false,\"devices\":[]}"));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(Map.entry("reason", "Blooio reports the API key as not valid"));
	}

	@Test
	void downOnServerErrorWithStatusAndCodeButNotBlooiosMessage() {
		this.server.enqueue(json(500, "{\"error\":\"ApiError\",\"code\":\"internal_error\","
				+ "\"message\":\"Failed for +15557654321\",\"sender_number\":\"+15557654321\"}"));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("httpStatus", 500).containsEntry("code", "internal_error");
		assertThat(health.toString()).doesNotContain("+15557654321");
		assertWarnedOnce(health);
		assertThat(this.logs.text()).doesNotContain("+15557654321");
	}

	@Test
	void downWhenBlooioCannotBeReached() {
		URI closed = URI.create(this.server.url("/v2/api").toString());
		this.server.close();
		this.indicator = indicator(settings().withBaseUrl(closed), TIME_TO_LIVE);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(Map.entry("error", BlooioTransportException.class.getName()));
		assertWarnedOnce(health);
	}

	@Test
	void downWhenBlooioDoesNotAnswerInTime() {
		this.server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).body("{}").build());
		this.indicator = indicator(settings().withResponseTimeout(Duration.ofMillis(200)), TIME_TO_LIVE);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(Map.entry("error", BlooioTimeoutException.class.getName()));
		assertWarnedOnce(health);
	}

	@Test
	void downWhenRetriesTakeLongerThanTheCheckTimeout() {
		// each attempt times out after 300 ms and is retried: three attempts would take
		// about a second, the check gives up after 500 ms
		for (int i = 0; i < 3; i++) {
			this.server
				.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).body("{}").build());
		}
		this.indicator = indicator(settings().withResponseTimeout(Duration.ofMillis(300))
			.withRetry(3, Duration.ofMillis(50), Duration.ofMillis(50)), TIME_TO_LIVE, Duration.ofMillis(500));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(Map.entry("error", TimeoutException.class.getName()),
				Map.entry("reason", "The check did not finish within its timeout (blooio.health.timeout)"));
		assertThat(this.server.getRequestCount()).isLessThan(3);
		assertWarnedOnce(health);
	}

	@Test
	void downWhenBlooioAnswersWithAnUnreadableBody() {
		this.server.enqueue(json(200, "<html>maintenance</html>"));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(Map.entry("error", BlooioInvalidResponseException.class.getName()),
				Map.entry("httpStatus", 200));
		assertWarnedOnce(health);
	}

	@Test
	void checkWithinTimeToLiveReusesTheResultWithoutCallingBlooio() {
		this.server.enqueue(json(200, fixture("response-me.json")));
		this.server.enqueue(json(200, me()));
		health();
		this.clock.advance(TIME_TO_LIVE.minusMillis(1));
		assertThat(health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void checkAfterTimeToLiveCallsBlooioAgain() {
		this.server.enqueue(json(200, fixture("response-me.json")));
		this.server.enqueue(json(200, me()));
		health();
		this.clock.advance(TIME_TO_LIVE);
		assertThat(health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void failedCheckIsReusedWithinTimeToLive() {
		this.server.enqueue(json(503, "{\"error\":\"ApiError\"}"));
		this.server.enqueue(json(200, fixture("response-me.json")));
		health();
		this.clock.advance(TIME_TO_LIVE.minusMillis(1));
		assertThat(health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.server.getRequestCount()).isOne();
		// the reused result is not logged again
		assertThat(this.logs.messages(Level.WARN)).hasSize(1);
	}

	@Test
	void zeroTimeToLiveCallsBlooioAtEveryCheck() {
		this.indicator = indicator(settings(), Duration.ZERO);
		this.server.enqueue(json(200, fixture("response-me.json")));
		this.server.enqueue(json(200, me()));
		health();
		assertThat(health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void pausingSafetyActionShowsInTheDetailsAndStaysUp() {
		this.server.enqueue(json(200, me(device("+15552220000", true, "dedicated"))));
		this.safety.onApplicationEvent(stateChanged("+15552220000", SafetyAction.PAUSE_NEW, Instant.EPOCH));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("safety"))
			.isEqualTo(Map.of("+15552220000", Map.of("action", "pause_new", "pausesSending", true, "tier", "new",
					"reasons", List.of("volume"), "changedAt", "1970-01-01T00:00:00Z")));
	}

	@Test
	void safetyEventAfterACachedCheckShowsAtOnce() {
		this.server.enqueue(json(200, me(device("+15552220000", true, "dedicated"))));
		assertThat(health().getDetails()).doesNotContainKey("safety");
		this.safety.onApplicationEvent(banned("+15552220000"));
		assertThat(health().getDetails()).containsKey("safety");
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void bannedNumberIsMarkedAndAnotherActiveNumberKeepsItUp() {
		this.server
			.enqueue(json(200, me(device("+15551110000", true, "dedicated"), device("+15552220000", true, null))));
		this.safety.onApplicationEvent(banned("+15551110000"));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("numbers")).isEqualTo(
				List.of(Map.of("number", "+15551110000", "active", true, "planKind", "dedicated", "banned", true),
						Map.of("number", "+15552220000", "active", true)));
		assertThat(health.getDetails().get("safety")).isEqualTo(Map.of("+15551110000",
				Map.of("banned", true, "bannedAt", "2026-12-07T00:00:00Z", "allocationType", "dedicated")));
	}

	@Test
	void everyActiveNumberBannedIsOutOfService() {
		this.server.enqueue(json(200, me(device("+15551110000", true, "dedicated"))));
		this.safety.onApplicationEvent(banned("+15551110000"));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("reason",
				"Every active sender number is banned (safety.number_banned)");
	}

	@Test
	void olderSafetyChangeDeliveredLateDoesNotReplaceANewerOne() {
		this.server.enqueue(json(200, me(device("+15552220000", true, "dedicated"))));
		this.safety.onApplicationEvent(stateChanged("+15552220000", SafetyAction.NONE, Instant.ofEpochSecond(20)));
		this.safety.onApplicationEvent(stateChanged("+15552220000", SafetyAction.REVIEW, Instant.ofEpochSecond(10)));
		assertThat(health().getDetails().get("safety"))
			.isEqualTo(Map.of("+15552220000", Map.of("action", "none", "pausesSending", false, "tier", "new", "reasons",
					List.of("volume"), "changedAt", "1970-01-01T00:00:20Z")));
	}

	@Test
	void noSafetyEventLeavesTheDetailsAsTheyWere() {
		this.server.enqueue(json(200, fixture("response-me.json")));
		assertThat(health().getDetails()).containsOnlyKeys("numbers");
	}

	private static BlooioSafetyStateChangedEvent stateChanged(String number, SafetyAction action, Instant at) {
		return new BlooioSafetyStateChangedEvent(new Object(), new WebhookDelivery("evt_" + at, null, at, null), "{}",
				number, "new", "warm", action, SafetyAction.SLOW, List.of("volume"));
	}

	private static BlooioSafetyNumberBannedEvent banned(String number) {
		return new BlooioSafetyNumberBannedEvent(new Object(), new WebhookDelivery("evt_b", null, null, null), "{}",
				"ch_1", number, "dedicated", Instant.parse("2026-12-07T00:00:00Z"));
	}

	private Health health() {
		Health health = this.indicator.health().block(VERIFY_TIMEOUT);
		assertThat(health).isNotNull();
		return health;
	}

	private BlooioHealthIndicator indicator(BlooioClientSettings settings, Duration timeToLive) {
		return indicator(settings, timeToLive, Duration.ofSeconds(10));
	}

	private BlooioHealthIndicator indicator(BlooioClientSettings settings, Duration timeToLive, Duration timeout) {
		return new BlooioHealthIndicator(new BlooioTemplate(WebClient.create(), settings), timeToLive, timeout,
				this.clock, this.safety);
	}

	/**
	 * One attempt per call, so that each check is exactly one request.
	 */
	private BlooioClientSettings settings() {
		return BlooioClientSettings.of(API_KEY)
			.withBaseUrl(URI.create(this.server.url("/v2/api").toString()))
			.withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10));
	}

	private static String me(String... devices) {
		return "{\"auth_type\":\"api_key\",\"valid\":true,\"api_key\":\"" + API_KEY
				+ "\",\"organization_id\":\"org_1\",\"devices\":[" + String.join(",", devices) + "]}";
	}

	private static String device(String number, boolean active, String planKind) {
		return "{\"phone_number\":\"" + number + "\",\"is_active\":" + active + ",\"last_active\":null,\"plan_kind\":"
				+ ((planKind != null) ? "\"" + planKind + "\"" : "null") + "}";
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

	private static String fixture(String name) {
		try (InputStream in = BlooioHealthIndicatorTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as("fixture " + name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A failed check is one warning that carries the details the health endpoint shows,
	 * and nothing else.
	 */
	private void assertWarnedOnce(Health health) {
		assertThat(this.logs.messages(Level.WARN))
			.containsExactly("Blooio health check failed: " + health.getDetails());
	}

}
