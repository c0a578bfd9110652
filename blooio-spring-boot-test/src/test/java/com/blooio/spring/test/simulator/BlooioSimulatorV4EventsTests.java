package com.blooio.spring.test.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the v4 event feed and the safety events.
 */
class BlooioSimulatorV4EventsTests extends V4TestSupport {

	private String sendAndAwaitDelivered(String to) {
		String messageId = this.blooio.send(to, "hi").block(TIMEOUT).messageId();
		awaitEvent("message_id=" + messageId, type("message.delivered"));
		return messageId;
	}

	@Test
	void feedListsASentMessagesLifecycleNewestFirst() {
		String messageId = sendAndAwaitDelivered("+15551234567");
		List<JsonNode> events = feed("");
		assertThat(types(events)).containsExactly("message.delivered", "message.sent");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.path("id").asString()).startsWith("evt_");
			assertThat(event.path("message_id").asString()).isEqualTo(messageId);
			assertThat(event.path("chat_id").asString()).isEqualTo("+15551234567");
			assertThat(event.path("data").path("status").asString())
				.isEqualTo(event.path("type").asString().substring("message.".length()));
		});
		assertThat(events.get(0).path("occurred_at").asLong())
			.isGreaterThanOrEqualTo(events.get(1).path("occurred_at").asLong());
	}

	@Test
	void feedPagesWithCursorsWithoutGapsOrRepeats() {
		this.sim.contact("+15551234567").sends("one");
		this.sim.contact("+15551234567").sends("two");
		this.sim.contact("+15551234567").sends("three");
		List<JsonNode> all = awaitAll("type=message.received", 3);
		JsonNode first = v4Json("GET", "/events?type=message.received&limit=2", null);
		assertThat(first.path("has_more").asBoolean()).isTrue();
		JsonNode second = v4Json("GET",
				"/events?type=message.received&limit=2&cursor=" + first.path("next_cursor").asString(), null);
		assertThat(second.path("has_more").asBoolean()).isFalse();
		assertThat(second.path("next_cursor").isNull()).isTrue();
		List<String> paged = new ArrayList<>();
		first.path("data").forEach((event) -> paged.add(event.path("id").asString()));
		second.path("data").forEach((event) -> paged.add(event.path("id").asString()));
		assertThat(paged).containsExactlyElementsOf(all.stream().map((event) -> event.path("id").asString()).toList());
		assertThat(all).extracting((event) -> event.path("data").path("text").asString())
			.containsExactly("three", "two", "one");
	}

	@Test
	void eventsRecordedWhileAClientPagesDoNotShiftLaterPages() {
		this.sim.contact("+15551234567").sends("one");
		this.sim.contact("+15551234567").sends("two");
		awaitAll("type=message.received", 2);
		JsonNode first = v4Json("GET", "/events?type=message.received&limit=1", null);
		this.sim.contact("+15551234567").sends("three");
		awaitAll("type=message.received", 3);
		JsonNode second = v4Json("GET",
				"/events?type=message.received&limit=1&cursor=" + first.path("next_cursor").asString(), null);
		assertThat(second.path("data").get(0).path("data").path("text").asString()).isEqualTo("one");
	}

	@Test
	void feedFiltersByTypeWildcard() {
		this.sim.contact("+15551234567").sends("hi");
		awaitEvent("", type("message.received"));
		this.sim.safety().numberBanned("+15550001111");
		assertThat(types(feed("type=safety.*"))).containsExactly("safety.number_banned");
		assertThat(types(feed("type=message.*"))).containsExactly("message.received");
		assertThat(types(feed("type=*"))).containsExactly("safety.number_banned", "message.received");
	}

	@Test
	void feedFiltersByChatAndByMessage() {
		String messageId = sendAndAwaitDelivered("+15551234567");
		sendAndAwaitDelivered("+15557654321");
		assertThat(feed("chat_id=%2B15551234567"))
			.allSatisfy((event) -> assertThat(event.path("chat_id").asString()).isEqualTo("+15551234567"))
			.hasSize(2);
		assertThat(feed("message_id=" + messageId))
			.allSatisfy((event) -> assertThat(event.path("message_id").asString()).isEqualTo(messageId))
			.hasSize(2);
	}

	@Test
	void getEventAnswersTheEventTheFeedLists() {
		this.sim.contact("+15551234567").sends("hi");
		JsonNode listed = awaitEvent("", type("message.received"));
		JsonNode got = v4Json("GET", "/events/" + listed.path("id").asString(), null).path("data");
		assertThat(got).isEqualTo(listed);
	}

	@Test
	void unknownEventIs404() {
		assertThat(v4("GET", "/events/evt_unknown", null).statusCode()).isEqualTo(404);
	}

	@Test
	void cursorTheApiDidNotIssueIs400() {
		HttpResponse<String> response = v4("GET", "/events?cursor=bogus", null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("invalid_cursor");
	}

	@Test
	void messageEventsListTheLifecycleKindsOfOneMessage() {
		this.sim.settings().readReceipts(true);
		String messageId = this.blooio.send("+15551234567", "hi").block(TIMEOUT).messageId();
		awaitEvent("message_id=" + messageId, type("message.read"));
		JsonNode events = v4Json("GET", "/chats/%2B15551234567/messages/" + messageId + "/events", null);
		assertThat(events.path("data").valueStream().map((event) -> event.path("kind").asString()))
			.containsExactly("read", "delivered", "sent");
		assertThat(events.path("data").get(0).path("message_id").asString()).isEqualTo(messageId);
		assertThat(events.path("data").get(0).path("metadata").path("status").asString()).isEqualTo("read");
	}

	@Test
	void messageEventsOfAnUnknownMessageAre404() {
		assertThat(v4("GET", "/chats/%2B15551234567/messages/unknown/events", null).statusCode()).isEqualTo(404);
	}

	@Test
	void safetyStateChangedReachesTheFeedAndSubscriptions() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			subscribe(receiver.url(), "[\"safety.state_changed\"]");
			String eventId = this.sim.safety().stateChanged("2", "1", "pause_new", "none", "complaints", "volume");
			JsonNode delivered = JSON.readTree(receiver.awaitEvent("safety.state_changed").body());
			assertThat(delivered.path("id").asString()).isEqualTo(eventId);
			JsonNode data = v4Json("GET", "/events/" + eventId, null).path("data").path("data");
			assertThat(data).isEqualTo(delivered.path("data"));
			assertThat(data.path("tier").asString()).isEqualTo("2");
			assertThat(data.path("previous_tier").asString()).isEqualTo("1");
			assertThat(data.path("action").asString()).isEqualTo("pause_new");
			assertThat(data.path("previous_action").asString()).isEqualTo("none");
			assertThat(data.path("reasons").valueStream().map(JsonNode::asString)).containsExactly("complaints",
					"volume");
			assertThat(data.path("phone_number").asString()).isEqualTo(BlooioSimulator.NUMBER);
		}
	}

	@Test
	void safetyStateChangedRefusesAnUnknownAction() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sim.safety().stateChanged("2", "1", "explode", "none"));
	}

	@Test
	void numberBannedReachesTheFeedAndSubscriptions() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			subscribe(receiver.url(), "[\"safety.*\"]");
			String eventId = this.sim.safety().numberBanned("+15550001111", true);
			JsonNode delivered = JSON.readTree(receiver.awaitEvent("safety.number_banned").body());
			assertThat(delivered.path("id").asString()).isEqualTo(eventId);
			JsonNode data = delivered.path("data");
			assertThat(data.path("phone_number").asString()).isEqualTo("+15550001111");
			assertThat(data.path("allocation_type").asString()).isEqualTo("shared");
			assertThat(data.path("channel_id").asString()).startsWith("ch_");
			assertThat(data.path("banned_at").isIntegralNumber()).isTrue();
			assertThat(delivered.path("message_id").isNull()).isTrue();
			assertThat(feed("type=safety.number_banned")).extracting((event) -> event.path("id").asString())
				.containsExactly(eventId);
		}
	}

	@Test
	void safetyEventsCanBeMadeThroughTheControlApi() {
		String base = "http://127.0.0.1:" + this.sim.port() + "/simulator/safety/";
		HttpResponse<String> changed = send(HttpRequest.newBuilder(URI.create(base + "state-changed")), "POST",
				"{\"tier\":\"3\",\"previous_tier\":\"2\",\"action\":\"review\",\"previous_action\":\"slow\","
						+ "\"reasons\":[\"reports\"]}");
		HttpResponse<String> banned = send(HttpRequest.newBuilder(URI.create(base + "number-banned")), "POST",
				"{\"phone_number\":\"+15550001111\"}");
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(banned.statusCode()).isEqualTo(200);
		List<JsonNode> events = feed("type=safety.*");
		assertThat(events).extracting((event) -> event.path("id").asString())
			.containsExactly(JSON.readTree(banned.body()).path("event_id").asString(),
					JSON.readTree(changed.body()).path("event_id").asString());
		assertThat(events.get(0).path("data").path("allocation_type").asString()).isEqualTo("dedicated");
		assertThat(events.get(1).path("data").path("action").asString()).isEqualTo("review");
	}

	@Test
	void controlApiRefusesASafetyCommandWithoutItsFields() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(
						URI.create("http://127.0.0.1:" + this.sim.port() + "/simulator/safety/" + "state-changed")),
				"POST", "{\"tier\":\"3\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(feed("")).isEmpty();
	}

	@Test
	void eventThatHappenedWhileTheReceiverWasDownIsInTheFeed() {
		WebhookReceiver receiver = new WebhookReceiver();
		subscribe(receiver.url(), "[\"*\"]");
		receiver.close();
		String messageId = this.sim.contact("+15551234567").sends("while you were down");
		this.sim.awaitDelivery((delivery) -> messageId.equals(delivery.messageId()) && delivery.attempt() == 3,
				TIMEOUT);
		assertThat(this.sim.deliveries()).noneMatch(WebhookDeliveryRecord::succeeded);
		assertThat(feed("type=message.received")).singleElement().satisfies((event) -> {
			assertThat(event.path("message_id").asString()).isEqualTo(messageId);
			assertThat(event.path("data").path("text").asString()).isEqualTo("while you were down");
		});
	}

	@Test
	void resetEmptiesTheFeedAndTheSubscriptions() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			subscribe(receiver.url(), "[\"*\"]");
			this.sim.safety().numberBanned("+15550001111");
			this.sim.reset();
			assertThat(feed("")).isEmpty();
			assertThat(v4Json("GET", "/webhooks", null).path("data")).isEmpty();
		}
	}

	private List<JsonNode> awaitAll(String query, int count) {
		return Awaitility.await()
			.atMost(TIMEOUT)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> feed(query), (events) -> events.size() >= count);
	}

}
