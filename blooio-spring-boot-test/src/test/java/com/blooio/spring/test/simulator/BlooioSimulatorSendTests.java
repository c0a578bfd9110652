package com.blooio.spring.test.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioAuthenticationException;
import com.blooio.spring.client.exception.BlooioNoActiveDeviceException;
import com.blooio.spring.client.exception.BlooioQuotaExceededException;
import com.blooio.spring.client.exception.BlooioRateLimitedException;
import com.blooio.spring.client.exception.BlooioTransportException;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.Direction;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.MessageQuery;
import com.blooio.spring.model.message.MessageStatus;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.support.ExpectedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the simulator's API, driven through the real
 * {@link com.blooio.spring.client.BlooioTemplate}.
 */
class BlooioSimulatorSendTests extends SimulatorTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	final ExpectedLogs transportLogs = ExpectedLogs.ofLoggers("reactor.netty.http.client");

	@Test
	void sendIsRecordedWithDecodedChatIdRawPathBearerAndIdempotencyKey() {
		SendMessageResponse response = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		assertThat(response.status()).isEqualTo(DeliveryStatus.QUEUED);
		assertThat(response.replayed()).isFalse();
		assertThat(this.sim.sentMessages()).singleElement().satisfies((sent) -> {
			assertThat(sent.messageId()).isEqualTo(response.messageId());
			assertThat(sent.chatId()).isEqualTo("+15551234567");
			assertThat(sent.rawPath()).isEqualTo("/v2/api/chats/%2B15551234567/messages");
			assertThat(sent.authorization()).isEqualTo("Bearer " + this.sim.apiKey());
			assertThat(sent.idempotencyKey()).isEqualTo(response.idempotencyKey()).isNotBlank();
			assertThat(sent.text()).isEqualTo("hi");
			assertThat(sent.texts()).containsExactly("hi");
			assertThat(sent.json()).isEqualTo("{\"text\":\"hi\"}");
		});
	}

	@Test
	void sameIdempotencyKeyTwiceIsReplayedWithTheOriginalMessage() {
		SendMessageRequest request = SendMessageRequest.builder().text("once").idempotencyKey("order-1").build();
		SendMessageResponse first = this.blooio.send("+15551234567", request).block(TIMEOUT);
		SendMessageResponse second = this.blooio.send("+15551234567", request).block(TIMEOUT);
		assertThat(first.replayed()).isFalse();
		assertThat(second.replayed()).isTrue();
		assertThat(second.messageId()).isEqualTo(first.messageId());
		assertThat(this.sim.sentMessages()).hasSize(1);
		assertThat(this.sim.conversation("+15551234567")).hasSize(1);
	}

	@Test
	void textArrayCreatesOneMessagePerText() {
		SendMessageRequest request = SendMessageRequest.builder().texts("one", "two").build();
		SendMessageResponse response = this.blooio.send("alex@example.com", request).block(TIMEOUT);
		assertThat(response.messageIds()).hasSize(2);
		assertThat(response.count()).isEqualTo(2);
		assertThat(this.sim.sentMessages()).singleElement().satisfies((sent) -> {
			assertThat(sent.rawPath()).isEqualTo("/v2/api/chats/alex%40example.com/messages");
			assertThat(sent.text()).isNull();
			assertThat(sent.texts()).containsExactly("one", "two");
		});
		assertThat(this.sim.conversation("alex@example.com")).extracting(ConversationEntry::text)
			.containsExactly("one", "two");
	}

	@Test
	void wrongApiKeyIsRefused() {
		BlooioClientSettings wrongKey = BlooioClientSettings.of("bl_wrong").withBaseUrl(URI.create(this.sim.baseUrl()));
		assertThatExceptionOfType(BlooioAuthenticationException.class)
			.isThrownBy(() -> template(wrongKey).send("+15551234567", "hi").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getError().message()).isEqualTo("Invalid or missing API key."));
		assertThat(this.sim.sentMessages()).isEmpty();
	}

	@Test
	void rawPlusInAChatIdSendsToTheSameChatAsItsEncodedForm() throws Exception {
		HttpResponse<String> response = post("/v2/api/chats/+15551234567/messages", "{\"text\":\"raw\"}");
		this.blooio.send("+15551234567", "encoded").block(TIMEOUT);
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(this.sim.conversation("+15551234567")).extracting(ConversationEntry::text)
			.containsExactly("raw", "encoded");
	}

	@Test
	void rawCommaSeparatedRecipientsSendToTheSameGroupAsTheirEncodedForm() throws Exception {
		HttpResponse<String> raw = post("/v2/api/chats/+15551110000,+15552220000/messages", "{\"text\":\"raw\"}");
		HttpResponse<String> encoded = post("/v2/api/chats/%2B15551110000%2C%2B15552220000/messages",
				"{\"text\":\"encoded\"}");
		assertThat(raw.statusCode()).isEqualTo(202);
		assertThat(JSON.readTree(raw.body()).path("group_created").asBoolean()).isTrue();
		assertThat(JSON.readTree(encoded.body()).path("group_id").asString())
			.isEqualTo(JSON.readTree(raw.body()).path("group_id").asString());
		assertThat(this.sim.groups()).singleElement()
			.satisfies((group) -> assertThat(group.members()).containsExactly("+15551110000", "+15552220000"));
	}

	@Test
	void sendWithoutContentIsRejected() throws Exception {
		HttpResponse<String> response = post("/v2/api/chats/%2B15551234567/messages", "{}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Provide text, attachments or parts.");
	}

	@Test
	void unknownPathIsNotFound() throws Exception {
		HttpResponse<String> response = post("/v2/api/nothing-here", "{}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"error\":\"ApiError\"", "\"status\":404");
	}

	@Test
	void wrongMethodOnAKnownPathIsMethodNotAllowed() throws Exception {
		HttpResponse<String> response = call("PUT", "/contacts", "{}");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
		assertThat(response.body()).contains("\"error\":\"ApiError\"", "\"status\":405");
	}

	@Test
	void wrongMethodOnAChatPathListsTheAllowedMethods() throws Exception {
		HttpResponse<String> response = call("DELETE", "/chats/%2B15551234567/messages", null);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST, GET");
	}

	@Test
	void badGatewayIsRetriedWithTheSameIdempotencyKeyAndSendsOnce() {
		this.sim.faults().nextRequests(1).respond(502);
		SendMessageResponse response = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		assertThat(this.sim.sentMessages()).hasSize(1);
		List<ReceivedRequest> attempts = this.sim.receivedRequests();
		assertThat(attempts).extracting(ReceivedRequest::status).containsExactly(502, 202);
		assertThat(attempts).extracting(ReceivedRequest::idempotencyKey)
			.containsOnly(response.idempotencyKey())
			.doesNotContainNull();
	}

	@Test
	void droppedConnectionIsATransportError() {
		this.sim.faults().nextRequests(1).dropConnection();
		BlooioClientSettings once = settings().withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10));
		assertThatExceptionOfType(BlooioTransportException.class)
			.isThrownBy(() -> template(once).send("+15551234567", "hi").block(TIMEOUT));
		assertThat(this.sim.receivedRequests()).extracting(ReceivedRequest::status).containsExactly(-1);
		assertThat(this.sim.sentMessages()).isEmpty();
		// Reactor Netty's own report of the dropped connection, kept off the console
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.transportLogs.text()).contains("The connection observed an error")
				.contains("Connection prematurely closed BEFORE response"));
	}

	@Test
	void droppedConnectionIsSeenByAPlainHttpClient() {
		this.sim.faults().nextRequests(1).dropConnection();
		assertThatIOException().isThrownBy(() -> post("/v2/api/chats/%2B15551234567/messages", "{\"text\":\"hi\"}"));
	}

	@Test
	void rateLimitAdvertisesRetryAfterInSeconds() {
		this.sim.faults().nextRequests(1).rateLimited(Duration.ofMillis(1));
		assertThatExceptionOfType(BlooioRateLimitedException.class)
			.isThrownBy(() -> this.blooio.send("+15551234567", "hi").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(1)));
		assertThat(this.sim.receivedRequests()).extracting(ReceivedRequest::status).containsExactly(429);
	}

	@Test
	void quotaFaultIsAQuotaExceededException() {
		this.sim.faults().nextRequests(1).quotaExceeded();
		assertThatExceptionOfType(BlooioQuotaExceededException.class)
			.isThrownBy(() -> this.blooio.send("+15551234567", "hi").block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("outbound_limit_reached");
				assertThat(ex.getLimit()).isEqualTo(10);
				assertThat(ex.getMode()).isEqualTo("per_number");
			});
		assertThat(this.sim.receivedRequests()).hasSize(1);
	}

	@Test
	void serviceUnavailableIsANoActiveDeviceException() {
		this.sim.faults().nextRequests(1).respond(503);
		assertThatExceptionOfType(BlooioNoActiveDeviceException.class)
			.isThrownBy(() -> this.blooio.send("+15551234567", "hi").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getError().message()).isEqualTo("No active number available"));
	}

	@Test
	void delayedAnswerStillSucceeds() {
		this.sim.faults().nextRequests(1).delay(Duration.ofMillis(100));
		long start = System.nanoTime();
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
	}

	@Test
	void listingShowsSentAndInboundMessagesNewestFirst() {
		SendMessageResponse sent = this.blooio.send("+15551234567", "hello").block(TIMEOUT);
		String inbound = this.sim.contact("+15551234567").sends("hi back");
		Page<Message> page = this.blooio.messages().list("+15551234567", MessageQuery.defaults()).block(TIMEOUT);
		assertThat(page.items()).extracting(Message::messageId).containsExactly(inbound, sent.messageId());
		assertThat(page.items()).extracting(Message::direction).containsExactly(Direction.INBOUND, Direction.OUTBOUND);
		assertThat(page.pagination().total()).isEqualTo(2);
		Page<Message> second = this.blooio.messages()
			.list("+15551234567", MessageQuery.defaults().limit(1).offset(1))
			.block(TIMEOUT);
		assertThat(second.items()).extracting(Message::text).containsExactly("hello");
	}

	@Test
	void statusMovesToDeliveredAfterTheLifecycle() {
		SendMessageResponse sent = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		assertThat(sent.status()).isEqualTo(DeliveryStatus.QUEUED);
		await().atMost(TIMEOUT)
			.until(() -> this.sim.conversation("+15551234567").get(0).status(), Predicate.isEqual("delivered"));
		MessageStatus status = this.blooio.messages().status("+15551234567", sent.messageId()).block(TIMEOUT);
		assertThat(status.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(status.timeDelivered()).isNotNull();
		assertThat(this.blooio.messages().get("+15551234567", sent.messageId()).block(TIMEOUT).text()).isEqualTo("hi");
	}

	@Test
	void chatsAndAccountEndpointsAnswer() {
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		assertThat(this.blooio.chats().get("+15551234567").block(TIMEOUT).messageCount()).isEqualTo(1);
		assertThat(this.blooio.chats().markRead("+15551234567").block(TIMEOUT).status()).isEqualTo("read");
		assertThat(this.blooio.chats().startTyping("+15551234567").block(TIMEOUT).typing()).isTrue();
		assertThat(this.blooio.chats().stopTyping("+15551234567").block(TIMEOUT).typing()).isFalse();
		assertThat(this.blooio.account().me().block(TIMEOUT).valid()).isTrue();
		assertThat(this.blooio.account().numbers().block(TIMEOUT)).singleElement()
			.satisfies((number) -> assertThat(number.phoneNumber()).isEqualTo(BlooioSimulator.NUMBER));
		assertThat(this.blooio.contacts().capabilities("+15551234567").block(TIMEOUT).supportsImessage()).isTrue();
		assertThatExceptionOfType(BlooioApiException.class)
			.isThrownBy(() -> this.blooio.chats().get("+15550000000").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.sim.port() + path))
			.header("Authorization", "Bearer " + this.sim.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
