package com.blooio.spring.test.simulator;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioWebhookCreationRetiredException;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.webhook.Webhook;
import com.blooio.spring.model.webhook.WebhookCreated;
import com.blooio.spring.model.webhook.WebhookLog;
import com.blooio.spring.model.webhook.WebhookLogQuery;
import com.blooio.spring.model.webhook.WebhookReplay;
import com.blooio.spring.model.webhook.WebhookSecretRotation;
import com.blooio.spring.model.webhook.WebhookType;
import com.blooio.spring.model.webhook.WebhookUpdate;
import com.blooio.spring.test.simulator.WebhookReceiver.Received;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for managing webhook subscriptions: update, secret rotation, delivery logs and
 * replays.
 */
class BlooioSimulatorWebhookManagementTests extends SimulatorTestSupport {

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

	private WebhookCreated subscribe(WebhookType type) {
		return this.blooio.webhooks().create(this.receiver.url(), type).block(TIMEOUT);
	}

	@Test
	void retiredV2CreationRefusesANewUrlWithGone() {
		this.sim.settings().retireV2WebhookCreation(true);
		assertThatExceptionOfType(BlooioWebhookCreationRetiredException.class)
			.isThrownBy(() -> subscribe(WebhookType.MESSAGE))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(410));
		assertThat(this.blooio.webhooks().list().block(TIMEOUT)).isEmpty();
	}

	@Test
	void retiredV2CreationStillAnswersAnAlreadyRegisteredUrl() {
		WebhookCreated first = subscribe(WebhookType.MESSAGE);
		this.sim.settings().retireV2WebhookCreation(true);
		WebhookCreated again = subscribe(WebhookType.MESSAGE);
		assertThat(again.alreadyExisted()).isTrue();
		assertThat(again.webhookId()).isEqualTo(first.webhookId());
	}

	@Test
	void patchChangesTheWebhookType() {
		WebhookCreated created = subscribe(WebhookType.MESSAGE);
		Webhook updated = this.blooio.webhooks()
			.update(created.webhookId(), WebhookUpdate.of().type(WebhookType.STATUS))
			.block(TIMEOUT);
		assertThat(updated.webhookType()).isEqualTo(WebhookType.STATUS);
		assertThat(this.blooio.webhooks().get(created.webhookId()).block(TIMEOUT).webhookType())
			.isEqualTo(WebhookType.STATUS);
	}

	@Test
	void patchToStatusStopsInboundMessageDeliveries() {
		WebhookCreated created = subscribe(WebhookType.ALL);
		this.blooio.webhooks().update(created.webhookId(), WebhookUpdate.of().type(WebhookType.STATUS)).block(TIMEOUT);
		this.sim.contact("+15551234567").sends("not for a status webhook");
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.receiver.awaitEvent("message.delivered");
		assertThat(this.receiver.received()).extracting(Received::event)
			.containsExactly("message.sent", "message.delivered");
	}

	@Test
	void deprecatedWebhookIsInactiveAndGetsNoDeliveries() {
		WebhookCreated created = subscribe(WebhookType.ALL);
		Webhook deprecated = this.blooio.webhooks()
			.update(created.webhookId(), WebhookUpdate.of().deprecate(true))
			.block(TIMEOUT);
		assertThat(deprecated.isActive()).isFalse();
		assertThat(deprecated.deprecatedAt()).isNotNull();
		try (WebhookReceiver other = new WebhookReceiver()) {
			this.sim.registerWebhook(other.url());
			this.sim.contact("+15551234567").sends("hi");
			other.awaitEvent("message.received");
			this.sim.awaitDelivery((delivery) -> delivery.url().equals(other.url()), TIMEOUT);
		}
		assertThat(this.sim.deliveries()).noneMatch((delivery) -> delivery.url().equals(this.receiver.url()));
	}

	@Test
	void rotationChangesTheSecretDeliveriesAreSignedWith() {
		WebhookCreated created = subscribe(WebhookType.ALL);
		WebhookSecretRotation rotation = this.blooio.webhooks().rotateSecret(created.webhookId()).block(TIMEOUT);
		assertThat(rotation.signingSecret()).startsWith("whsec_").isNotEqualTo(created.signingSecret());
		assertThat(rotation.rotationCount()).isEqualTo(1);
		this.sim.contact("+15551234567").sends("hi");
		Received delivery = this.receiver.awaitEvent("message.received");
		new WebhookSignatureVerifier(List.of(rotation.signingSecret())).verify(delivery.signature(), delivery.body());
		assertThatException().isThrownBy(() -> new WebhookSignatureVerifier(List.of(created.signingSecret()))
			.verify(delivery.signature(), delivery.body()));
	}

	@Test
	void logsRecordTheDeliveriesTheReceiverGot() {
		WebhookCreated created = subscribe(WebhookType.ALL);
		String messageId = this.sim.contact("+15551234567").sends("hi");
		this.receiver.awaitEvent("message.received");
		this.sim.awaitDelivery((delivery) -> delivery.event().equals("message.received"), TIMEOUT);
		Page<WebhookLog> logs = this.blooio.webhooks()
			.logs(created.webhookId(), WebhookLogQuery.defaults())
			.block(TIMEOUT);
		assertThat(logs.items()).singleElement().satisfies((log) -> {
			assertThat(log.eventId()).startsWith("evt_");
			assertThat(log.responseStatus()).isEqualTo(200);
			assertThat(log.webhookUrl()).isEqualTo(this.receiver.url());
			assertThat(log.metadata().eventName()).isEqualTo("message.received");
			assertThat(log.metadata().messageId()).isEqualTo(messageId);
			assertThat(log.metadata().isReplay()).isFalse();
			assertThat(JSON.readTree(log.eventBody())).isEqualTo(JSON.readTree(this.receiver.received().get(0).body()));
		});
	}

	@Test
	void logsRecordEveryAttemptAndFilterByStatus() {
		this.receiver.answer(500);
		WebhookCreated created = subscribe(WebhookType.ALL);
		this.sim.contact("+15551234567").sends("hi");
		this.sim.awaitDelivery((delivery) -> delivery.attempt() == 2, TIMEOUT);
		List<WebhookLog> failed = this.blooio.webhooks()
			.logs(created.webhookId(), WebhookLogQuery.defaults().minStatus(500))
			.block(TIMEOUT)
			.items();
		List<WebhookLog> all = this.blooio.webhooks()
			.logs(created.webhookId(), WebhookLogQuery.defaults())
			.block(TIMEOUT)
			.items();
		assertThat(failed).extracting(WebhookLog::responseStatus).containsExactly(500);
		assertThat(all).extracting(WebhookLog::responseStatus).containsExactly(200, 500);
	}

	@Test
	void replayRedeliversTheLoggedEventSignedWithTheCurrentSecret() {
		WebhookCreated created = subscribe(WebhookType.ALL);
		this.sim.contact("+15551234567").sends("hi");
		Received original = this.receiver.awaitEvent("message.received");
		this.sim.awaitDelivery((delivery) -> delivery.event().equals("message.received"), TIMEOUT);
		String eventId = this.blooio.webhooks()
			.logs(created.webhookId(), WebhookLogQuery.defaults())
			.block(TIMEOUT)
			.items()
			.get(0)
			.eventId();
		String secret = this.blooio.webhooks().rotateSecret(created.webhookId()).block(TIMEOUT).signingSecret();
		WebhookReplay replay = this.blooio.webhooks().replay(created.webhookId(), eventId).block(TIMEOUT);
		assertThat(replay.success()).isTrue();
		assertThat(replay.responseStatus()).isEqualTo(200);
		assertThat(replay.originalEventId()).isEqualTo(eventId);
		assertThat(replay.replayEventId()).startsWith("evt_").isNotEqualTo(eventId);
		Received replayed = this.receiver.await((delivery) -> eventId.equals(delivery.originalEventId()));
		assertThat(replayed.body()).isEqualTo(original.body());
		new WebhookSignatureVerifier(List.of(secret)).verify(replayed.signature(), replayed.body());
		assertThat(this.blooio.webhooks().logs(created.webhookId(), WebhookLogQuery.defaults()).block(TIMEOUT).items())
			.first()
			.satisfies((log) -> {
				assertThat(log.eventId()).isEqualTo(replay.replayEventId());
				assertThat(log.metadata().isReplay()).isTrue();
				assertThat(log.metadata().originalEventId()).isEqualTo(eventId);
			});
	}

	@Test
	void replayOfAnUnknownEventIsNotFound() {
		WebhookCreated created = subscribe(WebhookType.ALL);
		assertThatExceptionOfType(BlooioApiException.class)
			.isThrownBy(() -> this.blooio.webhooks().replay(created.webhookId(), "evt_unknown").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void patchOnTheWireAnswersTheWebhook() throws Exception {
		WebhookCreated created = subscribe(WebhookType.MESSAGE);
		HttpResponse<String> response = call("PATCH", "/webhooks/" + created.webhookId(),
				"{\"valid_until\":null,\"deprecate\":false}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode webhook = JSON.readTree(response.body());
		assertThat(webhook.path("valid_until").asLong()).isEqualTo(-1);
		assertThat(webhook.path("is_active").asBoolean()).isTrue();
	}

}
