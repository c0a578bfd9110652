package com.blooio.spring.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioAuthenticationException;
import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.model.v4.EventQuery;
import com.blooio.spring.model.v4.FeedEvent;
import com.blooio.spring.model.v4.SubscriptionUpdate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v4 operations: requests at the v4 base URL, answers unwrapped from {@code {"data":
 * ...}}, cursor pages read lazily, and v4's error envelope mapped to the same exceptions
 * as v2's.
 */
class V4OperationsTests extends BlooioServerTestSupport {

	private static final String SUBSCRIPTION = """
			{"id":"wh_1","url":"https://example.com/hook","event_types":["message.*","safety.*"],
			 "status":"active","channel_id":null,"channel_type":null,"created_at":1777636800}""";

	@BeforeEach
	void v4AtTheMockServer() {
		template(settings().withV4BaseUrl(URI.create(this.server.url("/v4").toString())));
	}

	@Test
	void createPostsUrlAndEventTypesWithAnIdempotencyKeyAndReadsTheSecret() throws Exception {
		enqueueJson(201, "{\"data\":" + SUBSCRIPTION.replace("}", ",\"signing_secret\":\"whsec_new\"}") + "}");
		StepVerifier
			.create(this.blooio.v4().webhooks().create("https://example.com/hook", List.of("message.*", "safety.*")))
			.assertNext((created) -> {
				assertThat(created.subscription().id()).isEqualTo("wh_1");
				assertThat(created.subscription().eventTypes()).containsExactly("message.*", "safety.*");
				assertThat(created.subscription().createdAt()).isEqualTo(Instant.ofEpochSecond(1777636800L));
				assertThat(created.signingSecret()).isEqualTo("whsec_new");
				assertThat(created.toString()).doesNotContain("whsec_new");
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v4/webhooks");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(request.getHeaders().get("Idempotency-Key")).isNotBlank();
		assertThat(bodyOf(request))
			.isEqualTo("{\"url\":\"https://example.com/hook\",\"event_types\":[\"message.*\",\"safety.*\"]}");
	}

	@Test
	void createRetriedAfterAServerErrorSendsTheSameIdempotencyKey() throws Exception {
		enqueueJson(500, "{\"error\":{\"code\":\"internal\",\"message\":\"oops\"}}");
		enqueueJson(201, "{\"data\":" + SUBSCRIPTION.replace("}", ",\"signing_secret\":\"whsec_new\"}") + "}");
		StepVerifier.create(this.blooio.v4().webhooks().create("https://example.com/hook", List.of()))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest first = takeRequest();
		assertThat(bodyOf(first)).isEqualTo("{\"url\":\"https://example.com/hook\"}");
		assertThat(takeRequest().getHeaders().get("Idempotency-Key"))
			.isEqualTo(first.getHeaders().get("Idempotency-Key"));
	}

	@Test
	void createdSubscriptionWrittenAsJsonLeavesTheSecretOut() {
		enqueueJson(201, "{\"data\":" + SUBSCRIPTION.replace("}", ",\"signing_secret\":\"whsec_new\"}") + "}");
		StepVerifier.create(this.blooio.v4().webhooks().create("https://example.com/hook", List.of()))
			.assertNext((created) -> assertThat(BlooioJson.mapper().writeValueAsString(created))
				.doesNotContain("whsec_new"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void listReadsEveryPageByCursorAsItIsConsumed() throws Exception {
		enqueueJson(200, "{\"data\":[" + SUBSCRIPTION + "],\"has_more\":true,\"next_cursor\":\"c/1+\"}");
		enqueueJson(200, "{\"data\":[" + SUBSCRIPTION.replace("wh_1", "wh_2") + "],\"has_more\":false,"
				+ "\"next_cursor\":null}");
		StepVerifier.create(this.blooio.v4().webhooks().list().map((subscription) -> subscription.id()))
			.expectNext("wh_1", "wh_2")
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v4/webhooks?limit=100");
		assertThat(takeRequest().getTarget()).isEqualTo("/v4/webhooks?limit=100&cursor=c%2F1%2B");
	}

	@Test
	void listReadsNoFurtherPageThanTheConsumerAsksFor() {
		enqueueJson(200, "{\"data\":[" + SUBSCRIPTION + "],\"has_more\":true,\"next_cursor\":\"c1\"}");
		StepVerifier.create(this.blooio.v4().webhooks().list().take(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void listEndsWhenBlooioNamesTheCursorItWasJustAskedFor() {
		enqueueJson(200, "{\"data\":[" + SUBSCRIPTION + "],\"has_more\":true,\"next_cursor\":\"c1\"}");
		enqueueJson(200, "{\"data\":[" + SUBSCRIPTION + "],\"has_more\":true,\"next_cursor\":\"c1\"}");
		StepVerifier.create(this.blooio.v4().webhooks().list())
			.expectNextCount(2)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void listEndsWhenMoreIsClaimedButNoCursorNamed() {
		enqueueJson(200, "{\"data\":[" + SUBSCRIPTION + "],\"has_more\":true,\"next_cursor\":null}");
		StepVerifier.create(this.blooio.v4().webhooks().list())
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void updateSendsOnlyWhatChanges() throws Exception {
		enqueueJson(200, "{\"data\":" + SUBSCRIPTION + "}");
		StepVerifier.create(this.blooio.v4().webhooks().update("wh_1", SubscriptionUpdate.eventTypes(List.of("*"))))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getTarget()).isEqualTo("/v4/webhooks/wh_1");
		assertThat(bodyOf(request)).isEqualTo("{\"event_types\":[\"*\"]}");
	}

	@Test
	void deleteCompletesOnceDeleted() throws Exception {
		enqueueJson(200, "{\"data\":{\"id\":\"wh_1\",\"deleted\":true}}");
		StepVerifier.create(this.blooio.v4().webhooks().delete("wh_1")).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v4/webhooks/wh_1");
	}

	@Test
	void rotateSecretReadsTheNewSecretAndNeverPrintsIt() throws Exception {
		enqueueJson(200, "{\"data\":{\"id\":\"wh_1\",\"signing_secret\":\"whsec_rotated\"}}");
		StepVerifier.create(this.blooio.v4().webhooks().rotateSecret("wh_1")).assertNext((rotation) -> {
			assertThat(rotation.signingSecret()).isEqualTo("whsec_rotated");
			assertThat(rotation.toString()).doesNotContain("whsec_rotated");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v4/webhooks/wh_1/secret/rotate");
	}

	@Test
	void deliveriesAndReplayNameTheSubscriptionAndTheDelivery() throws Exception {
		enqueueJson(200, """
				{"data":[{"id":"wdel_1","webhook_id":"wh_1","event_id":"evt_1","event_type":"message.received",
				 "status":"failed","attempt_count":3,"response_status":500,"last_attempt_at":1777636800000,
				 "next_attempt_at":null,"created_at":1777636700000}],"has_more":false,"next_cursor":null}""");
		enqueueJson(201, "{\"data\":{\"id\":\"wdel_2\",\"replay_of\":\"wdel_1\",\"status\":\"queued\"}}");
		StepVerifier.create(this.blooio.v4().webhooks().deliveries("wh_1")).assertNext((delivery) -> {
			assertThat(delivery.eventId()).isEqualTo("evt_1");
			assertThat(delivery.attemptCount()).isEqualTo(3);
			assertThat(delivery.responseStatus()).isEqualTo(500);
			assertThat(delivery.lastAttemptAt()).isEqualTo(Instant.ofEpochMilli(1777636800000L));
			assertThat(delivery.nextAttemptAt()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.v4().webhooks().replay("wh_1", "wdel_1"))
			.assertNext((replay) -> assertThat(replay.replayOf()).isEqualTo("wdel_1"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v4/webhooks/wh_1/deliveries?limit=100");
		RecordedRequest replay = takeRequest();
		assertThat(replay.getTarget()).isEqualTo("/v4/webhooks/wh_1/deliveries/wdel_1/replay");
		assertThat(replay.getHeaders().get("Idempotency-Key")).isNotBlank();
	}

	@Test
	void eventsListSendsTheFiltersAndKeepsEachEventsJson() throws Exception {
		String event = """
				{"id":"evt_9","type":"message.delivered","message_id":"m1","chat_id":"chat_1","channel_type":"imessage",\
				"occurred_at":1777636800,"data":{"delivered_at":1777636800001}}""";
		enqueueJson(200, "{\"data\":[" + event + "],\"has_more\":false,\"next_cursor\":null}");
		StepVerifier.create(this.blooio.v4().events().list(EventQuery.ofType("message.*").chat("chat_1").pageSize(200)))
			.assertNext((feedEvent) -> {
				assertThat(feedEvent.id()).isEqualTo("evt_9");
				assertThat(feedEvent.type()).isEqualTo("message.delivered");
				assertThat(feedEvent.occurredAt()).isEqualTo(Instant.ofEpochSecond(1777636800L));
				assertThat(feedEvent.data()).containsEntry("delivered_at", 1777636800001L);
				assertThat(BlooioJson.mapper().readTree(feedEvent.json()))
					.isEqualTo(BlooioJson.mapper().readTree(event));
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v4/events?type=message.%2A&chat_id=chat_1&limit=200");
	}

	@Test
	void getEventAndMessageEventsReadTheirAnswers() throws Exception {
		enqueueJson(200, "{\"data\":{\"id\":\"evt_9\",\"type\":\"poll.voted\",\"data\":{}}}");
		enqueueJson(200, """
				{"data":[{"id":"evt_1","message_id":"m1","kind":"delivered","occurred_at":1777636800,"metadata":{}}],
				 "has_more":false,"next_cursor":null}""");
		StepVerifier.create(this.blooio.v4().events().get("evt_9").map(FeedEvent::type))
			.expectNext("poll.voted")
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.v4().events().forMessage("chat_1", "m1"))
			.assertNext((step) -> assertThat(step.kind()).isEqualTo("delivered"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v4/events/evt_9");
		assertThat(takeRequest().getTarget()).isEqualTo("/v4/chats/chat_1/messages/m1/events?limit=50");
	}

	@Test
	void v4ErrorEnvelopeBecomesAnApiExceptionWithCodeMessageAndDetails() {
		enqueueJson(422, """
				{"error":{"code":"invalid_url","message":"url must be https","details":{"field":"url"}}}""");
		StepVerifier.create(this.blooio.v4().webhooks().create("http://example.com/hook", List.of()))
			.expectErrorSatisfies((error) -> {
				BlooioApiException api = (BlooioApiException) error;
				assertThat(api.getStatusCode()).isEqualTo(422);
				assertThat(api.getCode()).isEqualTo("invalid_url");
				assertThat(api.getApiMessage()).isEqualTo("url must be https");
				assertThat(api.getContext()).containsEntry("field", "url");
				assertThat(api.getOperation()).isEqualTo("v4.createWebhook");
			})
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void v4UnauthorizedIsTheAuthenticationException() {
		enqueueJson(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"bad key\"}}");
		StepVerifier.create(this.blooio.v4().webhooks().get("wh_1"))
			.expectError(BlooioAuthenticationException.class)
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void v4BaseUrlDefaultsToBlooiosAndDropsATrailingSlash() {
		assertThat(BlooioClientSettings.of(API_KEY).v4BaseUrl()).isEqualTo(URI.create("https://api.blooio.com/v4"));
		assertThat(BlooioClientSettings.of(API_KEY).withV4BaseUrl(URI.create("https://example.com/v4/")).v4BaseUrl())
			.isEqualTo(URI.create("https://example.com/v4"));
	}

}
