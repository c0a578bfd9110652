package com.blooio.spring.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Everything the simulator remembers: chats and messages, accepted sends, idempotency
 * keys, received requests, webhook subscriptions and delivery attempts. Every method
 * holds one lock; {@link #locked(Supplier)} runs several steps atomically.
 */
final class SimulatorState {

	private final Map<String, StoredChat> chats = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> idempotentResponses = new HashMap<>();

	private final List<SentMessage> sent = new ArrayList<>();

	private final List<ReceivedRequest> requests = new ArrayList<>();

	private final List<WebhookDeliveryRecord> deliveries = new ArrayList<>();

	private final Map<String, WebhookSubscription> webhooks = new LinkedHashMap<>();

	synchronized <T> T locked(Supplier<T> action) {
		return action.get();
	}

	synchronized StoredChat chat(String id) {
		return this.chats.computeIfAbsent(id, (key) -> new StoredChat(key, null, List.of()));
	}

	synchronized StoredChat group(String id, String name, List<String> participants) {
		StoredChat chat = chat(id);
		chat.groupName = name;
		chat.participants = List.copyOf(participants);
		return chat;
	}

	synchronized @Nullable StoredChat findChat(String id) {
		return this.chats.get(id);
	}

	synchronized List<StoredChat> chats() {
		return new ArrayList<>(this.chats.values());
	}

	synchronized StoredMessage addMessage(StoredChat chat, boolean inbound, @Nullable String text,
			List<String> attachments, @Nullable String sender) {
		StoredMessage message = new StoredMessage(Ids.messageId(), chat, inbound, text, attachments, sender,
				System.currentTimeMillis());
		chat.messages.add(message);
		return message;
	}

	synchronized void advance(StoredMessage message, String status, long at) {
		message.status = status;
		if ("delivered".equals(status)) {
			message.timeDelivered = at;
		}
	}

	synchronized @Nullable Map<String, Object> idempotentResponse(String key) {
		return this.idempotentResponses.get(key);
	}

	synchronized void rememberResponse(String key, Map<String, Object> response) {
		this.idempotentResponses.put(key, response);
	}

	synchronized void recordSent(SentMessage message) {
		this.sent.add(message);
	}

	synchronized List<SentMessage> sent() {
		return List.copyOf(this.sent);
	}

	synchronized void recordRequest(ReceivedRequest request) {
		this.requests.add(request);
	}

	synchronized List<ReceivedRequest> requests() {
		return List.copyOf(this.requests);
	}

	synchronized void recordDelivery(WebhookDeliveryRecord delivery) {
		this.deliveries.add(delivery);
	}

	synchronized List<WebhookDeliveryRecord> deliveries() {
		return List.copyOf(this.deliveries);
	}

	synchronized @Nullable WebhookSubscription webhookByUrl(String url) {
		return this.webhooks.get(url);
	}

	synchronized WebhookSubscription addWebhook(String url, String type, String secret) {
		WebhookSubscription subscription = new WebhookSubscription(Ids.webhookId(), url, type, secret,
				System.currentTimeMillis());
		this.webhooks.put(url, subscription);
		return subscription;
	}

	synchronized boolean removeWebhook(String id) {
		return this.webhooks.values().removeIf((subscription) -> subscription.id.equals(id));
	}

	synchronized List<WebhookSubscription> webhooks() {
		return List.copyOf(this.webhooks.values());
	}

	synchronized List<ConversationEntry> conversation(String chatId) {
		StoredChat chat = this.chats.get(chatId);
		if (chat == null) {
			return List.of();
		}
		return chat.messages.stream()
			.map((message) -> new ConversationEntry(message.direction(), message.id, message.text, message.status,
					java.time.Instant.ofEpochMilli(message.timeSent)))
			.toList();
	}

	synchronized void clear() {
		this.chats.clear();
		this.idempotentResponses.clear();
		this.sent.clear();
		this.requests.clear();
		this.deliveries.clear();
		this.webhooks.clear();
	}

}
