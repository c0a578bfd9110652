package com.blooio.spring.test.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.MessageStatus;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.test.simulator.WebhookReceiver.Received;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the webhooks the simulator delivers.
 */
class BlooioSimulatorWebhookTests extends SimulatorTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebhookReceiver receiver;

	@BeforeEach
	void startReceiver() {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void closeReceiver() {
		this.receiver.close();
	}

	@Test
	void sendDeliversSignedSentThenDeliveredEvents() {
		String secret = this.sim.registerWebhook(this.receiver.url());
		assertThat(secret).startsWith("whsec_");
		SendMessageResponse response = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.receiver.awaitEvent("message.delivered");
		List<Received> received = this.receiver.received();
		assertThat(received).extracting(Received::event).containsExactly("message.sent", "message.delivered");
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(secret));
		for (Received delivery : received) {
			verifier.verify(delivery.signature(), delivery.body());
			assertThat(delivery.messageId()).isEqualTo(response.messageId());
			assertThat(delivery.contentType()).isEqualTo("application/json");
		}
		JsonNode sent = JSON.readTree(received.get(0).body());
		assertThat(sent.path("status").asString()).isEqualTo("sent");
		assertThat(sent.path("external_id").asString()).isEqualTo("+15551234567");
		assertThat(sent.path("text").asString()).isEqualTo("hi");
		assertThat(sent.path("is_group").asBoolean()).isFalse();
		assertThat(sent.path("sent_at").isNumber()).isTrue();
		assertThat(JSON.readTree(received.get(1).body()).path("delivered_at").isNumber()).isTrue();
		assertThat(this.sim.conversation("+15551234567")).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("delivered"));
	}

	@Test
	void deliveryAnsweredWithAnErrorIsRetried() {
		this.receiver.answer(500);
		this.sim.registerWebhook(this.receiver.url());
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.sim.awaitDelivery((delivery) -> delivery.event().equals("message.sent") && delivery.attempt() == 2,
				TIMEOUT);
		assertThat(this.sim.deliveries()).filteredOn((delivery) -> delivery.event().equals("message.sent"))
			.extracting(WebhookDeliveryRecord::status)
			.containsExactly(500, 200);
	}

	@Test
	void unreachableReceiverIsTriedThreeTimes() {
		String url = this.receiver.url();
		this.receiver.close();
		this.sim.registerWebhook(url);
		String id = this.sim.contact("+15551234567").sends("hi");
		this.sim.awaitDelivery((delivery) -> delivery.attempt() == 3, TIMEOUT);
		assertThat(this.sim.deliveries()).extracting(WebhookDeliveryRecord::status).containsExactly(-1, -1, -1);
		assertThat(this.sim.deliveries()).extracting(WebhookDeliveryRecord::messageId).containsOnly(id);
	}

	@Test
	void contactMessageDeliversMessageReceived() {
		String secret = this.sim.registerWebhook(this.receiver.url(), "whsec_test");
		assertThat(secret).isEqualTo("whsec_test");
		String id = this.sim.contact("+15551234567").sends("Hello", List.of("https://example.com/a.png"));
		Received received = this.receiver.awaitEvent("message.received");
		new WebhookSignatureVerifier(List.of("whsec_test")).verify(received.signature(), received.body());
		JsonNode json = JSON.readTree(received.body());
		assertThat(json.path("message_id").asString()).isEqualTo(id);
		assertThat(json.path("status").asString()).isEqualTo("received");
		assertThat(json.path("external_id").asString()).isEqualTo("+15551234567");
		assertThat(json.path("sender").asString()).isEqualTo("+15551234567");
		assertThat(json.path("text").asString()).isEqualTo("Hello");
		assertThat(json.path("internal_id").asString()).isEqualTo(BlooioSimulator.NUMBER);
		assertThat(json.path("attachments").get(0).path("url").asString()).isEqualTo("https://example.com/a.png");
		assertThat(json.path("received_at").isNumber()).isTrue();
		assertThat(this.sim.conversation("+15551234567")).singleElement()
			.satisfies((entry) -> assertThat(entry.direction()).isEqualTo("inbound"));
	}

	@Test
	void groupMessageCarriesGroupFields() {
		this.sim.registerWebhook(this.receiver.url());
		this.sim.group("grp_abc", "Team", List.of("+15551110000", "+15552220000"))
			.from("+15552220000")
			.sends("Standup?");
		JsonNode json = JSON.readTree(this.receiver.awaitEvent("message.received").body());
		assertThat(json.path("is_group").asBoolean()).isTrue();
		assertThat(json.path("external_id").asString()).isEqualTo("grp_abc");
		assertThat(json.path("group_id").asString()).isEqualTo("grp_abc");
		assertThat(json.path("group_name").asString()).isEqualTo("Team");
		assertThat(json.path("sender").asString()).isEqualTo("+15552220000");
		assertThat(json.path("participants")).extracting((participant) -> participant.path("identifier").asString())
			.containsExactly("+15551110000", "+15552220000");
	}

	@Test
	void readReceiptsAddMessageRead() {
		this.sim.settings().readReceipts(true);
		this.sim.registerWebhook(this.receiver.url());
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.receiver.awaitEvent("message.read");
		assertThat(this.receiver.received()).extracting(Received::event)
			.containsExactly("message.sent", "message.delivered", "message.read");
	}

	@Test
	void readReceiptLeavesTheMessageDeliveredInTheRestApi() {
		this.sim.settings().readReceipts(true);
		this.sim.registerWebhook(this.receiver.url());
		SendMessageResponse response = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.receiver.awaitEvent("message.read");
		// Blooio's document has no "read" message status: read receipts are webhooks only
		MessageStatus status = this.blooio.messages().status("+15551234567", response.messageId()).block(TIMEOUT);
		assertThat(status.status()).isEqualTo(DeliveryStatus.DELIVERED);
	}

	@Test
	void reversedOrderDeliversDeliveredBeforeSent() {
		this.sim.faults().reverseWebhookOrder(true);
		this.sim.registerWebhook(this.receiver.url());
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.receiver.awaitEvent("message.sent");
		assertThat(this.receiver.received()).extracting(Received::event)
			.containsExactly("message.delivered", "message.sent");
	}

	@Test
	void duplicatedWebhooksArriveTwice() {
		this.sim.faults().duplicateWebhooks(true);
		this.sim.registerWebhook(this.receiver.url());
		this.sim.contact("+15551234567").sends("hi");
		this.sim.awaitDelivery((delivery) -> true, TIMEOUT);
		this.receiver.await((delivery) -> this.receiver.received().size() == 2);
		assertThat(this.receiver.received()).extracting(Received::json)
			.hasSize(2)
			.containsOnly(this.receiver.received().get(0).json());
	}

	@Test
	void createWebhookThroughTheApiReturnsTheSecretOnce() throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest create = HttpRequest.newBuilder(URI.create(this.sim.baseUrl() + "/webhooks"))
			.header("Authorization", "Bearer " + this.sim.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"webhook_url\":\"" + this.receiver.url() + "\"}"))
			.build();
		HttpResponse<String> first = client.send(create, HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> again = client.send(create, HttpResponse.BodyHandlers.ofString());
		assertThat(first.statusCode()).isEqualTo(201);
		String secret = JSON.readTree(first.body()).path("signing_secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).doesNotContain("signing_secret");
		this.sim.contact("+15551234567").sends("hi");
		Received received = this.receiver.awaitEvent("message.received");
		new WebhookSignatureVerifier(List.of(secret)).verify(received.signature(), received.body());
	}

	@Test
	void failingChatDeliversSignedFailedEvent() {
		this.sim.settings().failDeliveriesTo("+15551234567");
		String secret = this.sim.registerWebhook(this.receiver.url());
		SendMessageResponse response = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		Received failed = this.receiver.awaitEvent("message.failed");
		new WebhookSignatureVerifier(List.of(secret)).verify(failed.signature(), failed.body());
		assertThat(failed.messageId()).isEqualTo(response.messageId());
		JsonNode json = JSON.readTree(failed.body());
		assertThat(json.path("status").asString()).isEqualTo("failed");
		assertThat(json.path("error_code").asString()).isNotBlank();
		assertThat(json.path("error_message").asString()).isNotBlank();
		assertThat(this.receiver.received()).extracting(Received::event).containsExactly("message.failed");
		assertThat(this.sim.conversation("+15551234567")).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("failed"));
		MessageStatus status = this.blooio.messages().status("+15551234567", response.messageId()).block(TIMEOUT);
		assertThat(status.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(status.error()).isNotBlank();
	}

	@Test
	void heldChatKeepsItsMessagesQueuedWithoutWebhooks() {
		this.sim.settings().holdDeliveriesTo("+15550000000");
		this.sim.registerWebhook(this.receiver.url());
		SendMessageResponse held = this.blooio.send("+15550000000", "held").block(TIMEOUT);
		SendMessageResponse other = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		// the held message's steps would have come before the other's
		Received delivered = this.receiver.awaitEvent("message.delivered");
		assertThat(delivered.messageId()).isEqualTo(other.messageId());
		assertThat(this.receiver.received()).extracting(Received::messageId).doesNotContain(held.messageId());
		MessageStatus status = this.blooio.messages().status("+15550000000", held.messageId()).block(TIMEOUT);
		assertThat(status.status()).isEqualTo(DeliveryStatus.QUEUED);
	}

	@Test
	void otherChatsAreStillDelivered() {
		this.sim.settings().failDeliveriesTo("+15550000000");
		this.sim.registerWebhook(this.receiver.url());
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.receiver.awaitEvent("message.delivered");
		assertThat(this.receiver.received()).extracting(Received::event)
			.containsExactly("message.sent", "message.delivered");
	}

	@Test
	void statusSubscriptionGetsOnlyStatusEvents() throws Exception {
		HttpResponse<String> created = call("POST", "/webhooks",
				"{\"webhook_url\":\"" + this.receiver.url() + "\",\"webhook_type\":\"status\"}");
		assertThat(JSON.readTree(created.body()).path("webhook_type").asString()).isEqualTo("status");
		this.sim.contact("+15551234567").sends("hello");
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.receiver.awaitEvent("message.delivered");
		assertThat(this.receiver.received()).extracting(Received::event)
			.containsExactly("message.sent", "message.delivered");
		assertThat(this.sim.deliveries()).extracting(WebhookDeliveryRecord::event).doesNotContain("message.received");
	}

	@Test
	void messageSubscriptionGetsInboundAndOutboundEvents() throws Exception {
		call("POST", "/webhooks", "{\"webhook_url\":\"" + this.receiver.url() + "\"}");
		this.sim.contact("+15551234567").sends("hello");
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.receiver.awaitEvent("message.delivered");
		assertThat(this.receiver.received()).extracting(Received::event)
			.containsExactly("message.received", "message.sent", "message.delivered");
	}

	@Test
	void resetForgetsSubscriptionsAndMessages() {
		this.sim.registerWebhook(this.receiver.url());
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.sim.reset();
		assertThat(this.sim.sentMessages()).isEmpty();
		assertThat(this.sim.conversation("+15551234567")).isEmpty();
		this.sim.contact("+15551234567").sends("hi");
		assertThat(this.sim.deliveries()).isEmpty();
	}

}
