package com.blooio.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drives the standalone simulator as a Python or Node test would: started from the
 * command line, then only HTTP and JSON — the Blooio API with the printed key, the
 * control API without one, and a webhook receiver of the test's own.
 */
class StandaloneSimulatorControlApiTests {

	private static final String SECRET = "whsec_from_the_script";

	private final WebhookReceiver receiver = new WebhookReceiver();

	private BlooioSimulator simulator;

	private SimulatorHttp http;

	@BeforeEach
	void start() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.simulator = BlooioSimulatorMain
			.launch(new String[] { "--port", "0" }, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
			.simulator();
		this.http = SimulatorHttp.fromStartLine(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
	}

	@AfterEach
	void stop() {
		this.simulator.close();
		this.receiver.close();
	}

	@Test
	void playedContactReachesTheSubscribedReceiverAsASignedWebhook() throws Exception {
		subscribeReceiver();
		HttpResponse<String> inbound = this.http.control("POST", "/simulator/inbound",
				"{\"from\": \"+15551234567\", \"text\": \"hi\"}");
		String messageId = SimulatorHttp.json(inbound).path("message_id").asString();
		WebhookReceiver.Delivery delivery = this.receiver.await((d) -> "message.received".equals(d.event()));
		assertThat(delivery.body()).contains("\"message_id\":\"" + messageId + "\"").contains("\"text\":\"hi\"");
		assertThat(signatureIsValid(delivery.signature(), delivery.body(), SECRET)).isTrue();
	}

	@Test
	void subscribingAReceiverAnswersItsSecret() {
		HttpResponse<String> response = this.http.control("POST", "/simulator/webhooks",
				"{\"url\": \"" + this.receiver.url() + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SimulatorHttp.json(response).path("secret").asString()).startsWith("whsec_");
	}

	@Test
	void subscribingAReceiverWithoutAnHttpUrlIsABadRequest() {
		HttpResponse<String> response = this.http.control("POST", "/simulator/webhooks", "{\"url\": \"ftp://x\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SimulatorHttp.json(response).path("message").asString()).contains("http(s) URL");
	}

	@Test
	void sendThroughTheApiIsListedWithItsChatTextAttachmentsKeyAndStatus() {
		HttpResponse<String> send = this.http.api("POST", "/chats/%2B15551234567/messages",
				"{\"text\": \"Your code is 1234\", \"attachments\": [\"https://example.com/a.png\"]}",
				"Idempotency-Key", "order-42");
		assertThat(send.statusCode()).isEqualTo(202);
		String messageId = SimulatorHttp.json(send).path("message_id").asString();
		JsonNode sent = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.http.get("/simulator/sent").path(0),
					(message) -> "delivered".equals(message.path("status").asString()));
		assertThat(sent.path("message_id").asString()).isEqualTo(messageId);
		assertThat(sent.path("chat_id").asString()).isEqualTo("+15551234567");
		assertThat(sent.path("text").asString()).isEqualTo("Your code is 1234");
		assertThat(sent.path("attachments").path(0).asString()).isEqualTo("https://example.com/a.png");
		assertThat(sent.path("idempotency_key").asString()).isEqualTo("order-42");
		assertThat(sent.path("body").path("text").asString()).isEqualTo("Your code is 1234");
	}

	@Test
	void errorFaultAnswersTheNextApiCallWith502AndTheOneAfterNormally() {
		HttpResponse<String> fault = this.http.control("POST", "/simulator/faults",
				"{\"next_requests\": 1, \"status\": 502}");
		assertThat(SimulatorHttp.json(fault).path("pending_requests").asInt()).isOne();
		assertThat(this.http.api("GET", "/me", null).statusCode()).isEqualTo(502);
		assertThat(this.http.api("GET", "/me", null).statusCode()).isEqualTo(200);
	}

	@Test
	void rateLimitFaultAnswers429WithRetryAfter() {
		this.http.control("POST", "/simulator/faults",
				"{\"fault\": \"rate_limited\", \"next_requests\": 2, \"retry_after_seconds\": 7}");
		HttpResponse<String> response = this.http.api("GET", "/me", null);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(this.http.api("GET", "/me", null).statusCode()).isEqualTo(429);
	}

	@Test
	void quotaFaultAnswers429OutboundLimitReached() {
		this.http.control("POST", "/simulator/faults", "{\"fault\": \"quota_exceeded\"}");
		HttpResponse<String> response = this.http.api("POST", "/chats/%2B15551234567/messages", "{\"text\": \"hi\"}");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.body()).contains("outbound_limit_reached");
	}

	@Test
	void dropConnectionFaultClosesTheConnectionWithoutAnAnswer() {
		this.http.control("POST", "/simulator/faults", "{\"fault\": \"drop_connection\"}");
		// a POST: Java's client sends a GET again by itself when its connection closes
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> SimulatorHttp.sendOnNewConnection(
				HttpRequest.newBuilder(URI.create(this.http.root() + "/v2/api/chats/%2B15551234567/messages"))
					.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hi\"}"))
					.header("Authorization", "Bearer " + this.http.apiKey())
					.header("Content-Type", "application/json")));
		assertThat(this.http.get("/simulator/requests").path(0).path("status").asInt()).isEqualTo(-1);
	}

	@Test
	void delayFaultAnswersNormallyAfterTheDelay() {
		this.http.control("POST", "/simulator/faults", "{\"fault\": \"delay\", \"delay_ms\": 300}");
		long started = System.nanoTime();
		assertThat(this.http.api("GET", "/me", null).statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void duplicateWebhooksFaultDeliversEveryEventTwice() {
		subscribeReceiver();
		HttpResponse<String> fault = this.http.control("POST", "/simulator/faults", "{\"duplicate_webhooks\": true}");
		assertThat(SimulatorHttp.json(fault).path("duplicate_webhooks").asBoolean()).isTrue();
		this.http.control("POST", "/simulator/inbound", "{\"from\": \"+15551234567\", \"text\": \"hi\"}");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.receiver.received().stream().filter((d) -> "message.received".equals(d.event())).count(),
					(count) -> count == 2);
	}

	@Test
	void clearingFaultsLetsTheNextApiCallThrough() {
		this.http.control("POST", "/simulator/faults", "{\"status\": 503}");
		HttpResponse<String> cleared = this.http.control("DELETE", "/simulator/faults");
		assertThat(SimulatorHttp.json(cleared).path("pending_requests").asInt()).isZero();
		assertThat(this.http.api("GET", "/me", null).statusCode()).isEqualTo(200);
	}

	@Test
	void unknownFaultIsABadRequestSayingWhatToSend() {
		HttpResponse<String> response = this.http.control("POST", "/simulator/faults", "{\"fault\": \"explode\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SimulatorHttp.json(response).path("message").asString()).contains("Unknown fault \"explode\"")
			.contains("drop_connection");
	}

	@Test
	void faultWithAStatusThatIsNoErrorIsABadRequest() {
		HttpResponse<String> response = this.http.control("POST", "/simulator/faults", "{\"status\": 200}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SimulatorHttp.json(response).path("message").asString()).contains("\"status\"");
	}

	@Test
	void failingChatSettingMakesSendsToItFail() {
		HttpResponse<String> settings = this.http.control("POST", "/simulator/settings",
				"{\"fail_deliveries_to\": \"+15550000000\"}");
		assertThat(SimulatorHttp.json(settings).path("fail_deliveries_to").path(0).asString())
			.isEqualTo("+15550000000");
		this.http.api("POST", "/chats/%2B15550000000/messages", "{\"text\": \"hi\"}");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.http.get("/simulator/sent").path(0).path("status").asString(), "failed"::equals);
	}

	@Test
	void heldChatSettingKeepsSendsToItQueuedWhileOthersAreDelivered() {
		HttpResponse<String> settings = this.http.control("POST", "/simulator/settings",
				"{\"hold_deliveries_to\": \"+15550000000\"}");
		assertThat(SimulatorHttp.json(settings).path("hold_deliveries_to").path(0).asString())
			.isEqualTo("+15550000000");
		this.http.api("POST", "/chats/%2B15550000000/messages", "{\"text\": \"held\"}");
		this.http.api("POST", "/chats/%2B15551234567/messages", "{\"text\": \"free\"}");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.http.get("/simulator/sent").path(1).path("status").asString(), "delivered"::equals);
		assertThat(this.http.get("/simulator/sent").path(0).path("status").asString()).isEqualTo("queued");
	}

	@Test
	void readReceiptsSettingAddsMessageReadWebhooks() {
		this.http.control("POST", "/simulator/settings", "{\"read_receipts\": true}");
		this.http.control("POST", "/simulator/webhooks", "{\"url\": \"http://127.0.0.1:9/unreachable\"}");
		this.http.api("POST", "/chats/%2B15551234567/messages", "{\"text\": \"hi\"}");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> events(this.http.get("/simulator/deliveries")).contains("message.read"));
		// as in Blooio's REST API, which has no "read" status
		assertThat(this.http.get("/simulator/conversations/+15551234567").path(0).path("status").asString())
			.isEqualTo("delivered");
	}

	private static List<String> events(JsonNode deliveries) {
		List<String> events = new ArrayList<>();
		deliveries.forEach((delivery) -> events.add(delivery.path("event").asString()));
		return events;
	}

	@Test
	void settingOfTheWrongTypeIsABadRequest() {
		HttpResponse<String> response = this.http.control("POST", "/simulator/settings",
				"{\"read_receipts\": \"yes\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.http.get("/simulator/settings").path("read_receipts").asBoolean()).isFalse();
	}

	@Test
	void requestsListEveryApiCallWithTheStatusAnswered() {
		this.http.control("POST", "/simulator/faults", "{\"status\": 502}");
		this.http.api("GET", "/me", null);
		this.http.api("GET", "/me", null);
		JsonNode requests = this.http.get("/simulator/requests");
		assertThat(requests)
			.extracting((request) -> request.path("method").asString() + " " + request.path("path").asString() + " "
					+ request.path("status").asInt())
			.containsExactly("GET /v2/api/me 502", "GET /v2/api/me 200");
	}

	@Test
	void deliveriesListEveryWebhookAttempt() {
		subscribeReceiver();
		String messageId = SimulatorHttp
			.json(this.http.control("POST", "/simulator/inbound", "{\"from\": \"+15551234567\", \"text\": \"hi\"}"))
			.path("message_id")
			.asString();
		JsonNode delivery = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.http.get("/simulator/deliveries").path(0), (d) -> !d.isMissingNode());
		assertThat(delivery.path("url").asString()).isEqualTo(this.receiver.url());
		assertThat(delivery.path("event").asString()).isEqualTo("message.received");
		assertThat(delivery.path("message_id").asString()).isEqualTo(messageId);
		assertThat(delivery.path("status").asInt()).isEqualTo(200);
		assertThat(delivery.path("succeeded").asBoolean()).isTrue();
	}

	@Test
	void resetForgetsSendsAndFaults() {
		this.http.api("POST", "/chats/%2B15551234567/messages", "{\"text\": \"hi\"}");
		this.http.control("POST", "/simulator/faults", "{\"next_requests\": 3, \"status\": 500}");
		HttpResponse<String> reset = this.http.control("POST", "/simulator/reset");
		assertThat(reset.statusCode()).isEqualTo(204);
		assertThat(this.http.get("/simulator/sent")).isEmpty();
		assertThat(this.http.api("GET", "/me", null).statusCode()).isEqualTo(200);
	}

	@Test
	void receiverGivenOnTheCommandLineStaysSubscribedAfterAReset() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BlooioSimulator subscribed = BlooioSimulatorMain
			.launch(new String[] { "--port=0", "--webhook-url", this.receiver.url(), "--webhook-secret", SECRET },
					new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
			.simulator();
		try {
			SimulatorHttp other = SimulatorHttp
				.fromStartLine(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
			assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
			other.control("POST", "/simulator/reset");
			other.control("POST", "/simulator/inbound", "{\"from\": \"+15551234567\", \"text\": \"after reset\"}");
			WebhookReceiver.Delivery delivery = this.receiver.await((d) -> d.body().contains("after reset"));
			assertThat(signatureIsValid(delivery.signature(), delivery.body(), SECRET)).isTrue();
		}
		finally {
			subscribed.close();
		}
	}

	@Test
	void infoShowsTheUrlsAndTheKey() {
		JsonNode info = this.http.get("/simulator/info");
		assertThat(info.path("base_url").asString()).isEqualTo(this.http.root() + "/v2/api");
		assertThat(info.path("v4_base_url").asString()).isEqualTo(this.http.root() + "/v4");
		assertThat(info.path("api_key").asString()).isEqualTo(SimulatorOptions.DEFAULT_API_KEY);
		assertThat(info.path("number").asString()).isEqualTo(BlooioSimulator.NUMBER);
	}

	@Test
	void wrongMethodIsMethodNotAllowedWithAllow() {
		HttpResponse<String> response = this.http.control("POST", "/simulator/sent", "{}");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void unknownControlPathIsNotFound() {
		assertThat(this.http.control("GET", "/simulator/sentx").statusCode()).isEqualTo(404);
	}

	private void subscribeReceiver() {
		HttpResponse<String> response = this.http.control("POST", "/simulator/webhooks",
				"{\"url\": \"" + this.receiver.url() + "\", \"secret\": \"" + SECRET + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	/**
	 * Checks a signature the way a receiver in any language does: HMAC-SHA256 over
	 * {@code "<t>.<raw body>"} with the secret, hex, and a recent {@code t}.
	 */
	private static boolean signatureIsValid(String header, String body, String secret) throws GeneralSecurityException {
		Matcher parts = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(header);
		if (!parts.matches()) {
			return false;
		}
		long t = Long.parseLong(parts.group(1));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
		return expected.equals(parts.group(2))
				&& Math.abs(Instant.now().getEpochSecond() - t) < Duration.ofMinutes(5).toSeconds();
	}

}
