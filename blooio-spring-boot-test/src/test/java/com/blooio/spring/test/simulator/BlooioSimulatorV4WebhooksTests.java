package com.blooio.spring.test.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.WebhookReceiver.Received;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for v4 webhook subscriptions: creation, event type filters, signed v4 envelopes,
 * rotation, the delivery attempts and replays.
 */
class BlooioSimulatorV4WebhooksTests extends V4TestSupport {

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
	void createAnswers201WithTheSigningSecretThatGetAndListNeverShow() {
		HttpResponse<String> created = v4("POST", "/webhooks",
				"{\"url\":\"" + this.receiver.url() + "\",\"event_types\":[\"message.*\"]}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode webhook = JSON.readTree(created.body()).path("data");
		assertThat(webhook.path("id").asString()).startsWith("wh_");
		assertThat(webhook.path("signing_secret").asString()).startsWith("whsec_");
		assertThat(webhook.path("status").asString()).isEqualTo("active");
		JsonNode got = v4Json("GET", "/webhooks/" + webhook.path("id").asString(), null).path("data");
		assertThat(got.path("url").asString()).isEqualTo(this.receiver.url());
		assertThat(got.has("signing_secret")).isFalse();
		assertThat(v4("GET", "/webhooks", null).body()).doesNotContain(webhook.path("signing_secret").asString());
	}

	@Test
	void createWithoutEventTypesSubscribesToEverything() {
		JsonNode webhook = v4Json("POST", "/webhooks", "{\"url\":\"" + this.receiver.url() + "\"}").path("data");
		assertThat(webhook.path("event_types").valueStream().map(JsonNode::asString)).containsExactly("*");
	}

	@Test
	void legacyBucketsAreExpandedToV4Types() {
		JsonNode webhook = subscribe(this.receiver.url(), "[\"status\",\"message\"]");
		assertThat(webhook.path("event_types").valueStream().map(JsonNode::asString)).containsExactly("message.sent",
				"message.delivered", "message.failed", "message.read", "message.*");
	}

	@Test
	void createRefusesARelativeUrlWith422InTheV4ErrorEnvelope() {
		HttpResponse<String> response = v4("POST", "/webhooks", "{\"url\":\"/hooks\"}");
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode error = JSON.readTree(response.body()).path("error");
		assertThat(error.path("code").asString()).isEqualTo("validation_error");
		assertThat(error.path("message").asString()).isNotEmpty();
	}

	@Test
	void createRefusesAnUnknownEventTypeWith422() {
		HttpResponse<String> response = v4("POST", "/webhooks",
				"{\"url\":\"" + this.receiver.url() + "\",\"event_types\":[\"message.exploded\"]}");
		assertThat(response.statusCode()).isEqualTo(422);
	}

	@Test
	void unknownWebhookIs404InTheV4ErrorEnvelope() {
		HttpResponse<String> response = v4("GET", "/webhooks/wh_unknown", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("not_found");
	}

	@Test
	void requestWithoutKeyIs401WithTheDocumentsAuthenticationError() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.sim.v4BaseUrl() + "/events")),
				"GET", null);
		assertThat(response.statusCode()).isEqualTo(401);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("status").asInt()).isEqualTo(401);
		assertThat(body.path("code").asString()).isEqualTo("unauthorized");
		assertThat(body.path("message").asString()).isNotEmpty();
	}

	@Test
	void categoryWildcardsSelectWhichEventsASubscriptionGets() {
		try (WebhookReceiver safety = new WebhookReceiver()) {
			subscribe(this.receiver.url(), "[\"message.received\"]");
			subscribe(safety.url(), "[\"safety.*\"]");
			this.sim.contact("+15551234567").sends("hi");
			this.receiver.awaitEvent("message.received");
			this.sim.safety().numberBanned("+15550001111");
			safety.awaitEvent("safety.number_banned");
			this.sim.safety().stateChanged("2", "1", "slow", "none", "volume");
			safety.awaitEvent("safety.state_changed");
			assertThat(safety.received()).extracting(Received::event)
				.containsExactly("safety.number_banned", "safety.state_changed");
		}
		assertThat(this.receiver.received()).extracting(Received::event).containsExactly("message.received");
	}

	@Test
	void deliveriesAreSignedWithTheSubscriptionsSecretInTheDocumentsEnvelope() {
		String secret = subscribe(this.receiver.url(), "[\"*\"]").path("signing_secret").asString();
		String messageId = this.sim.contact("+15551234567").sends("hi");
		Received delivery = this.receiver.awaitEvent("message.received");
		new WebhookSignatureVerifier(List.of(secret)).verify(delivery.signature(), delivery.body());
		JsonNode envelope = JSON.readTree(delivery.body());
		assertThat(envelope.propertyNames()).containsExactly("id", "type", "message_id", "chat_id", "channel_type",
				"occurred_at", "data");
		assertThat(envelope.path("id").asString()).startsWith("evt_");
		assertThat(envelope.path("type").asString()).isEqualTo("message.received");
		assertThat(envelope.path("message_id").asString()).isEqualTo(messageId);
		assertThat(envelope.path("chat_id").asString()).isEqualTo("+15551234567");
		assertThat(envelope.path("data").path("text").asString()).isEqualTo("hi");
		assertThat(envelope.path("data").path("sender").asString()).isEqualTo("+15551234567");
		assertThat(delivery.messageId()).isEqualTo(messageId);
	}

	@Test
	void guidesEnvelopeCarriesCreatedAtAndOrganizationId() {
		this.sim.settings().v4Envelope(V4Envelope.GUIDES);
		subscribe(this.receiver.url(), "[\"message.*\"]");
		String messageId = this.sim.contact("+15551234567").sends("hi");
		JsonNode envelope = JSON.readTree(this.receiver.awaitEvent("message.received").body());
		assertThat(envelope.propertyNames()).containsExactly("id", "type", "created_at", "organization_id", "data");
		assertThat(envelope.path("created_at").isIntegralNumber()).isTrue();
		assertThat(envelope.path("data").path("message_id").asString()).isEqualTo(messageId);
	}

	@Test
	void deliveredEventIdIsTheIdTheFeedLists() {
		subscribe(this.receiver.url(), "[\"message.received\"]");
		this.sim.contact("+15551234567").sends("hi");
		JsonNode envelope = JSON.readTree(this.receiver.awaitEvent("message.received").body());
		assertThat(feed("type=message.received")).singleElement()
			.satisfies((event) -> assertThat(event.path("id").asString()).isEqualTo(envelope.path("id").asString()));
	}

	@Test
	void duplicatedDeliveriesCarryTheSameEventId() {
		this.sim.faults().duplicateWebhooks(true);
		subscribe(this.receiver.url(), "[\"safety.*\"]");
		String eventId = this.sim.safety().numberBanned("+15550001111");
		this.receiver.await((delivery) -> this.receiver.received().size() == 2);
		assertThat(this.receiver.received())
			.extracting((delivery) -> JSON.readTree(delivery.body()).path("id").asString())
			.containsExactly(eventId, eventId);
	}

	@Test
	void rotationSignsLaterDeliveriesWithTheNewSecretOnly() {
		JsonNode webhook = subscribe(this.receiver.url(), "[\"*\"]");
		String old = webhook.path("signing_secret").asString();
		JsonNode rotated = v4Json("POST", "/webhooks/" + webhook.path("id").asString() + "/secret/rotate", null)
			.path("data");
		String secret = rotated.path("signing_secret").asString();
		assertThat(secret).startsWith("whsec_").isNotEqualTo(old);
		this.sim.contact("+15551234567").sends("hi");
		Received delivery = this.receiver.awaitEvent("message.received");
		new WebhookSignatureVerifier(List.of(secret)).verify(delivery.signature(), delivery.body());
		assertThatException()
			.isThrownBy(() -> new WebhookSignatureVerifier(List.of(old)).verify(delivery.signature(), delivery.body()));
	}

	@Test
	void patchChangesEventTypesAndDisabledSubscriptionsGetNothing() {
		String id = subscribe(this.receiver.url(), "[\"*\"]").path("id").asString();
		JsonNode patched = v4Json("PATCH", "/webhooks/" + id,
				"{\"event_types\":[\"safety.*\"],\"status\":\"disabled\"}")
			.path("data");
		assertThat(patched.path("status").asString()).isEqualTo("disabled");
		assertThat(patched.path("event_types").valueStream().map(JsonNode::asString)).containsExactly("safety.*");
		try (WebhookReceiver other = new WebhookReceiver()) {
			subscribe(other.url(), "[\"safety.*\"]");
			this.sim.safety().numberBanned("+15550001111");
			other.awaitEvent("safety.number_banned");
		}
		assertThat(this.receiver.received()).isEmpty();
	}

	@Test
	void deleteEndsTheSubscription() {
		String id = subscribe(this.receiver.url(), "[\"*\"]").path("id").asString();
		JsonNode deleted = v4Json("DELETE", "/webhooks/" + id, null).path("data");
		assertThat(deleted.path("deleted").asBoolean()).isTrue();
		assertThat(v4("GET", "/webhooks/" + id, null).statusCode()).isEqualTo(404);
	}

	@Test
	void deliveriesListEveryAttemptNewestFirst() {
		this.receiver.answer(500);
		JsonNode webhook = subscribe(this.receiver.url(), "[\"message.received\"]");
		this.sim.contact("+15551234567").sends("hi");
		this.sim.awaitDelivery((delivery) -> delivery.attempt() == 2, TIMEOUT);
		JsonNode deliveries = v4Json("GET", "/webhooks/" + webhook.path("id").asString() + "/deliveries", null);
		String eventId = feed("type=message.received").get(0).path("id").asString();
		assertThat(deliveries.path("data")).hasSize(2);
		JsonNode second = deliveries.path("data").get(0);
		JsonNode first = deliveries.path("data").get(1);
		assertThat(second.path("id").asString()).startsWith("wdel_");
		assertThat(second.path("webhook_id").asString()).isEqualTo(webhook.path("id").asString());
		assertThat(second.path("event_id").asString()).isEqualTo(eventId);
		assertThat(second.path("event_type").asString()).isEqualTo("message.received");
		assertThat(second.path("attempt_count").asInt()).isEqualTo(2);
		assertThat(second.path("response_status").asInt()).isEqualTo(200);
		assertThat(second.path("status").asString()).isEqualTo("delivered");
		assertThat(second.path("next_attempt_at").isNull()).isTrue();
		assertThat(first.path("attempt_count").asInt()).isEqualTo(1);
		assertThat(first.path("response_status").asInt()).isEqualTo(500);
		assertThat(first.path("status").asString()).isEqualTo("failed");
		assertThat(first.path("next_attempt_at").isIntegralNumber()).isTrue();
		assertThat(first.path("event_id").asString()).isEqualTo(eventId);
	}

	@Test
	void replayRedeliversTheSameEventIdSignedWithTheCurrentSecret() {
		JsonNode webhook = subscribe(this.receiver.url(), "[\"message.received\"]");
		String id = webhook.path("id").asString();
		this.sim.contact("+15551234567").sends("hi");
		Received original = this.receiver.awaitEvent("message.received");
		String eventId = JSON.readTree(original.body()).path("id").asString();
		this.sim.awaitDelivery((delivery) -> delivery.event().equals("message.received"), TIMEOUT);
		String deliveryId = v4Json("GET", "/webhooks/" + id + "/deliveries", null).path("data")
			.get(0)
			.path("id")
			.asString();
		String secret = v4Json("POST", "/webhooks/" + id + "/secret/rotate", null).path("data")
			.path("signing_secret")
			.asString();
		HttpResponse<String> response = v4("POST", "/webhooks/" + id + "/deliveries/" + deliveryId + "/replay", null);
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode replay = JSON.readTree(response.body()).path("data");
		assertThat(replay.path("replay_of").asString()).isEqualTo(deliveryId);
		assertThat(replay.path("id").asString()).startsWith("wdel_").isNotEqualTo(deliveryId);
		Received replayed = this.receiver.await((delivery) -> eventId.equals(delivery.originalEventId()));
		assertThat(JSON.readTree(replayed.body()).path("id").asString()).isEqualTo(eventId);
		new WebhookSignatureVerifier(List.of(secret)).verify(replayed.signature(), replayed.body());
	}

	@Test
	void replayOfAnUnknownDeliveryIs404() {
		String id = subscribe(this.receiver.url(), "[\"*\"]").path("id").asString();
		assertThat(v4("POST", "/webhooks/" + id + "/deliveries/wdel_unknown/replay", null).statusCode()).isEqualTo(404);
	}

	@Test
	void listPagesSubscriptionsNewestFirstWithCursors() {
		String first = subscribe(this.receiver.url(), "[\"*\"]").path("id").asString();
		String second = subscribe(this.receiver.url() + "/2", "[\"*\"]").path("id").asString();
		JsonNode page = v4Json("GET", "/webhooks?limit=1", null);
		assertThat(page.path("data").get(0).path("id").asString()).isEqualTo(second);
		assertThat(page.path("has_more").asBoolean()).isTrue();
		JsonNode next = v4Json("GET", "/webhooks?limit=1&cursor=" + page.path("next_cursor").asString(), null);
		assertThat(next.path("data").get(0).path("id").asString()).isEqualTo(first);
		assertThat(next.path("has_more").asBoolean()).isFalse();
		assertThat(next.path("next_cursor").isNull()).isTrue();
	}

}
