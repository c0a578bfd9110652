package com.blooio.spring.client;

import java.time.Instant;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioConflictException;
import com.blooio.spring.client.exception.BlooioWebhookCreationRetiredException;
import com.blooio.spring.model.SortOrder;
import com.blooio.spring.model.webhook.Webhook;
import com.blooio.spring.model.webhook.WebhookLog;
import com.blooio.spring.model.webhook.WebhookLogQuery;
import com.blooio.spring.model.webhook.WebhookType;
import com.blooio.spring.model.webhook.WebhookUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookOperations} against a mock Blooio server.
 */
class WebhookOperationsTests extends BlooioServerTestSupport {

	private static final String SECRET = "whsec_a1b2c3d4e5f6789012345678901234567890abcdef";

	private static final String WEBHOOK = """
			{
			  "webhook_id": "wh_abc123def456",
			  "webhook_url": "https://example.com/webhooks/blooio",
			  "webhook_type": "all",
			  "scope": "api_key",
			  "api_key_name": "Production",
			  "integration_name": null,
			  "created_at": 1735324800000,
			  "deprecated_at": null,
			  "valid_until": -1,
			  "last_triggered": 1735324801370,
			  "failure_count": 2,
			  "is_active": true
			}
			""";

	@Test
	void listReadsUnpaginatedWebhooks() throws Exception {
		enqueueJson(200, "{\"webhooks\":[" + WEBHOOK + ",{\"webhook_id\":\"wh_2\",\"webhook_type\":\"poll\"}]}");
		StepVerifier.create(this.blooio.webhooks().list()).assertNext((webhooks) -> {
			assertThat(webhooks).hasSize(2);
			assertWebhook(webhooks.get(0));
			assertThat(webhooks.get(1).webhookType()).isEqualTo(WebhookType.POLL);
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/webhooks");
	}

	@Test
	void createNewWebhookReads201WithSecret() throws Exception {
		enqueueFixture(201, "response-create-webhook.201.json");
		StepVerifier.create(this.blooio.webhooks().create("https://example.com/webhooks/blooio", WebhookType.ALL))
			.assertNext((created) -> {
				assertThat(created.webhookId()).isEqualTo("wh_abc123def456");
				assertThat(created.url()).isEqualTo("https://example.com/webhooks/blooio");
				assertThat(created.type()).isEqualTo(WebhookType.ALL);
				assertThat(created.scope()).isEqualTo("api_key");
				assertThat(created.createdAt()).isEqualTo(Instant.ofEpochMilli(1735324800000L));
				assertThat(created.signingSecret()).isEqualTo(SECRET);
				assertThat(created.alreadyExisted()).isFalse();
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/webhooks");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(bodyOf(request))
			.isEqualTo("{\"webhook_url\":\"https://example.com/webhooks/blooio\",\"webhook_type\":\"all\"}");
	}

	@Test
	void createExistingWebhookReads200WithoutSecret() throws Exception {
		enqueueJson(200, "{\"webhook_id\":\"wh_abc123def456\",\"webhook_url\":\"https://example.com/hook\","
				+ "\"scope\":\"organization\",\"message\":\"Webhook already exists\"}");
		StepVerifier.create(this.blooio.webhooks().create("https://example.com/hook", null)).assertNext((created) -> {
			assertThat(created.alreadyExisted()).isTrue();
			assertThat(created.signingSecret()).isNull();
			assertThat(created.type()).isNull();
			assertThat(created.scope()).isEqualTo("organization");
			assertThat(created.message()).isEqualTo("Webhook already exists");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(bodyOf(takeRequest())).isEqualTo("{\"webhook_url\":\"https://example.com/hook\"}");
	}

	@Test
	void createdToStringDoesNotPrintSecret() {
		enqueueFixture(201, "response-create-webhook.201.json");
		StepVerifier.create(this.blooio.webhooks().create("https://example.com/webhooks/blooio", null))
			.assertNext((created) -> assertThat(created.toString()).doesNotContain(SECRET)
				.doesNotContain("whsec_")
				.contains("wh_abc123def456"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void createForNewUrlOnV2FailsWithTypedRetiredException() {
		enqueueJson(410, "{\"error\":\"ApiError\",\"message\":\"Creating webhooks via v2 is no longer supported\"}");
		StepVerifier.create(this.blooio.webhooks().create("https://example.com/new", WebhookType.MESSAGE))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(BlooioWebhookCreationRetiredException.class, (retired) -> {
					assertThat(retired.getStatusCode()).isEqualTo(410);
					assertThat(retired.getOperation()).isEqualTo("createWebhook");
					assertThat(retired.isTransient()).isFalse();
				}))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void createBeyondLimitFailsWithConflict() {
		enqueueJson(409, "{\"error\":\"ApiError\",\"message\":\"Maximum of 64 webhooks reached\"}");
		StepVerifier.create(this.blooio.webhooks().create("https://example.com/hook", null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(BlooioConflictException.class,
					(conflict) -> assertThat(conflict.getStatusCode()).isEqualTo(409)))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void getReadsWebhookWithEncodedId() throws Exception {
		enqueueJson(200, WEBHOOK);
		StepVerifier.create(this.blooio.webhooks().get("wh_abc/1 2"))
			.assertNext(WebhookOperationsTests::assertWebhook)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/webhooks/wh_abc%2F1%202");
	}

	@Test
	void updatePatchesTypeExpiryAndDeprecate() throws Exception {
		enqueueJson(200, WEBHOOK);
		WebhookUpdate update = WebhookUpdate.of().type(WebhookType.STATUS).neverExpires().deprecate(true);
		StepVerifier.create(this.blooio.webhooks().update("wh_abc123def456", update))
			.assertNext(WebhookOperationsTests::assertWebhook)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getTarget()).isEqualTo("/v2/api/webhooks/wh_abc123def456");
		assertThat(bodyOf(request)).isEqualTo("{\"webhook_type\":\"status\",\"valid_until\":-1,\"deprecate\":true}");
	}

	@Test
	void updateSendsOnlyGivenFields() throws Exception {
		enqueueJson(200, WEBHOOK);
		WebhookUpdate update = WebhookUpdate.of().validUntil(Instant.ofEpochMilli(1767225600000L));
		StepVerifier.create(this.blooio.webhooks().update("wh_1", update))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(bodyOf(takeRequest())).isEqualTo("{\"valid_until\":1767225600000}");
	}

	@Test
	void emptyUpdateFailsBeforeSending() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blooio.webhooks().update("wh_1", WebhookUpdate.of()));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void deleteReadsSuccessAndMessage() throws Exception {
		enqueueJson(200, "{\"success\":true,\"message\":\"Webhook deleted\"}");
		StepVerifier.create(this.blooio.webhooks().delete("wh_1")).assertNext((deleted) -> {
			assertThat(deleted.success()).isTrue();
			assertThat(deleted.message()).isEqualTo("Webhook deleted");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v2/api/webhooks/wh_1");
	}

	@Test
	void rotateSecretReadsNewSecretAndHidesItInToString() throws Exception {
		enqueueJson(200, "{\"webhook_id\":\"wh_1\",\"signing_secret\":\"whsec_new_secret_value\","
				+ "\"rotated_at\":1735324800000,\"rotated_by\":\"api_key\",\"rotation_count\":3}");
		StepVerifier.create(this.blooio.webhooks().rotateSecret("wh_1")).assertNext((rotation) -> {
			assertThat(rotation.webhookId()).isEqualTo("wh_1");
			assertThat(rotation.signingSecret()).isEqualTo("whsec_new_secret_value");
			assertThat(rotation.rotatedAt()).isEqualTo(Instant.ofEpochMilli(1735324800000L));
			assertThat(rotation.rotatedBy()).isEqualTo("api_key");
			assertThat(rotation.rotationCount()).isEqualTo(3);
			assertThat(rotation.toString()).doesNotContain("whsec_new_secret_value").contains("wh_1");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/webhooks/wh_1/secret/rotate");
		assertThat(bodyOf(request)).isEmpty();
	}

	@Test
	void logsSendsFiltersAndReadsPage() throws Exception {
		enqueueJson(200, """
				{"logs":[{"event_id":"evt_1","scope":"api","attempted_time":1735324800000,
				  "response_received_at":1735324800120,"webhook_url":"https://example.com/hook",
				  "event_body":{"event":"message.received","message_id":"msg_1"},
				  "response_status":500,"response_json":{"ok":false},
				  "metadata":{"duration_ms":120,"event_name":"message.received","is_replay":false,
				    "message_id":"msg_1","organization_id":"org_1","original_event_id":null}}],
				 "pagination":{"limit":10,"offset":20,"total":21,"returned":1,"has_more":false}}
				""");
		WebhookLogQuery query = WebhookLogQuery.defaults()
			.limit(10)
			.offset(20)
			.sort(SortOrder.DESC)
			.status(500)
			.minStatus(400)
			.maxStatus(599);
		StepVerifier.create(this.blooio.webhooks().logs("wh_1", query)).assertNext((page) -> {
			assertThat(page.items()).hasSize(1);
			WebhookLog log = page.items().get(0);
			assertThat(log.eventId()).isEqualTo("evt_1");
			assertThat(log.scope()).isEqualTo("api");
			assertThat(log.attemptedTime()).isEqualTo(Instant.ofEpochMilli(1735324800000L));
			assertThat(log.responseReceivedAt()).isEqualTo(Instant.ofEpochMilli(1735324800120L));
			assertThat(log.eventBody()).contains("\"event\":\"message.received\"");
			assertThat(log.responseStatus()).isEqualTo(500);
			assertThat(log.responseJson()).isEqualTo("{\"ok\":false}");
			assertThat(log.metadata().durationMs()).isEqualTo(120L);
			assertThat(log.metadata().eventName()).isEqualTo("message.received");
			assertThat(log.metadata().isReplay()).isFalse();
			assertThat(log.metadata().organizationId()).isEqualTo("org_1");
			assertThat(page.pagination().hasMore()).isFalse();
			assertThat(page.pagination().returned()).isEqualTo(1);
			assertThat(page.hasNext()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo(
				"/v2/api/webhooks/wh_1/logs?limit=10&offset=20&sort=desc&status=500&min_status=400&max_status=599");
	}

	@Test
	void logsAllWalksPagesUntilHasMoreIsFalse() throws Exception {
		enqueueJson(200, "{\"logs\":[{\"event_id\":\"evt_1\"},{\"event_id\":\"evt_2\"}],"
				+ "\"pagination\":{\"limit\":2,\"offset\":0,\"returned\":2,\"has_more\":true}}");
		enqueueJson(200, "{\"logs\":[{\"event_id\":\"evt_3\"},{\"event_id\":\"evt_4\"}],"
				+ "\"pagination\":{\"limit\":2,\"offset\":2,\"returned\":2,\"has_more\":false}}");
		enqueueJson(200, "{\"logs\":[{\"event_id\":\"evt_unexpected\"}]}");
		StepVerifier.create(this.blooio.webhooks().logsAll("wh_1", WebhookLogQuery.defaults().limit(2)))
			.expectNextMatches((log) -> log.eventId().equals("evt_1"))
			.expectNextMatches((log) -> log.eventId().equals("evt_2"))
			.expectNextMatches((log) -> log.eventId().equals("evt_3"))
			.expectNextMatches((log) -> log.eventId().equals("evt_4"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/webhooks/wh_1/logs?limit=2");
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/webhooks/wh_1/logs?limit=2&offset=2");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void replayPostsAndReadsOutcome() throws Exception {
		enqueueJson(200, """
				{"success":true,"replay_event_id":"evt_new","original_event_id":"evt_1","webhook_id":"wh_1",
				 "webhook_url":"https://example.com/hook","response_status":200,"duration_ms":87,
				 "response_data":{"body":"ok","contentType":"text/plain","duration":87,"error":null,
				   "errorType":null,"headers":{"x-test":"1"},"size":2}}
				""");
		StepVerifier.create(this.blooio.webhooks().replay("wh_1", "evt:1")).assertNext((replay) -> {
			assertThat(replay.success()).isTrue();
			assertThat(replay.replayEventId()).isEqualTo("evt_new");
			assertThat(replay.originalEventId()).isEqualTo("evt_1");
			assertThat(replay.webhookId()).isEqualTo("wh_1");
			assertThat(replay.responseStatus()).isEqualTo(200);
			assertThat(replay.durationMs()).isEqualTo(87L);
			assertThat(replay.responseData().body()).isEqualTo("ok");
			assertThat(replay.responseData().contentType()).isEqualTo("text/plain");
			assertThat(replay.responseData().headers()).isEqualTo("{\"x-test\":\"1\"}");
			assertThat(replay.responseData().size()).isEqualTo(2L);
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/webhooks/wh_1/logs/evt%3A1/replay");
	}

	private static void assertWebhook(Webhook webhook) {
		assertThat(webhook.webhookId()).isEqualTo("wh_abc123def456");
		assertThat(webhook.webhookUrl()).isEqualTo("https://example.com/webhooks/blooio");
		assertThat(webhook.webhookType()).isEqualTo(WebhookType.ALL);
		assertThat(webhook.scope()).isEqualTo("api_key");
		assertThat(webhook.apiKeyName()).isEqualTo("Production");
		assertThat(webhook.integrationName()).isNull();
		assertThat(webhook.createdAt()).isEqualTo(Instant.ofEpochMilli(1735324800000L));
		assertThat(webhook.deprecatedAt()).isNull();
		assertThat(webhook.validUntil()).isEqualTo(Webhook.NEVER_EXPIRES);
		assertThat(webhook.lastTriggered()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
		assertThat(webhook.failureCount()).isEqualTo(2);
		assertThat(webhook.isActive()).isTrue();
	}

}
