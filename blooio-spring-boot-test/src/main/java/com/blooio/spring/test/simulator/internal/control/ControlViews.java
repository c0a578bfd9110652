package com.blooio.spring.test.simulator.internal.control;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.test.simulator.ConversationEntry;
import com.blooio.spring.test.simulator.ReceivedRequest;
import com.blooio.spring.test.simulator.SentMessage;
import com.blooio.spring.test.simulator.WebhookDeliveryRecord;
import com.blooio.spring.test.simulator.internal.SimulatorEngine;
import com.blooio.spring.test.simulator.internal.http.JsonBodies;

/**
 * The JSON the control API shows the simulator's records as: snake_case like Blooio,
 * times in epoch milliseconds like Blooio's v4 API.
 */
final class ControlViews {

	private final SimulatorEngine engine;

	ControlViews(SimulatorEngine engine) {
		this.engine = engine;
	}

	List<Map<String, @Nullable Object>> sent() {
		return this.engine.sentMessages().stream().map(this::sent).toList();
	}

	private Map<String, @Nullable Object> sent(SentMessage sent) {
		MessageSnapshot message = this.engine.message(sent.messageId());
		JsonNode body = JsonBodies.object(sent.json().getBytes(StandardCharsets.UTF_8));
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("message_id", sent.messageId());
		view.put("chat_id", sent.chatId());
		view.put("text", sent.text());
		view.put("texts", sent.texts());
		view.put("attachments", (message != null) ? message.attachments() : List.of());
		view.put("idempotency_key", sent.idempotencyKey());
		view.put("status", (message != null) ? message.status() : null);
		view.put("path", sent.rawPath());
		view.put("body", body);
		view.put("sent_at", sent.at().toEpochMilli());
		return view;
	}

	List<Map<String, @Nullable Object>> requests() {
		return this.engine.receivedRequests().stream().map(ControlViews::request).toList();
	}

	private static Map<String, @Nullable Object> request(ReceivedRequest request) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("method", request.method());
		view.put("path", request.rawPath());
		view.put("idempotency_key", request.idempotencyKey());
		view.put("status", request.status());
		return view;
	}

	List<Map<String, @Nullable Object>> deliveries() {
		return this.engine.deliveries().stream().map(ControlViews::delivery).toList();
	}

	private static Map<String, @Nullable Object> delivery(WebhookDeliveryRecord delivery) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("url", delivery.url());
		view.put("event", delivery.event());
		view.put("message_id", delivery.messageId());
		view.put("status", delivery.status());
		view.put("attempt", delivery.attempt());
		view.put("succeeded", delivery.succeeded());
		return view;
	}

	List<Map<String, @Nullable Object>> conversation(String chatId) {
		return this.engine.conversation(chatId).stream().map(this::conversationEntry).toList();
	}

	private Map<String, @Nullable Object> conversationEntry(ConversationEntry entry) {
		MessageSnapshot message = this.engine.message(entry.messageId());
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("message_id", entry.messageId());
		view.put("direction", entry.direction());
		view.put("text", entry.text());
		view.put("attachments", (message != null) ? message.attachments() : List.of());
		view.put("status", entry.status());
		view.put("at", entry.at().toEpochMilli());
		return view;
	}

	Map<String, Object> faults() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("pending_requests", this.engine.pendingFaults());
		view.put("duplicate_webhooks", this.engine.duplicatesWebhooks());
		view.put("reverse_webhook_order", this.engine.reversesWebhookOrder());
		return view;
	}

	Map<String, Object> settings() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("read_receipts", this.engine.readReceipts());
		view.put("retire_v2_webhook_creation", this.engine.v2WebhookCreationRetired());
		view.put("fail_deliveries_to", this.engine.failingChats().stream().sorted().toList());
		view.put("hold_deliveries_to", this.engine.heldChats().stream().sorted().toList());
		view.put("v4_envelope", this.engine.v4Envelope().name().toLowerCase(Locale.ROOT));
		return view;
	}

}
