package com.blooio.spring.test.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.ConversationEntry;
import com.blooio.spring.test.simulator.ReceivedRequest;
import com.blooio.spring.test.simulator.SentMessage;
import com.blooio.spring.test.simulator.WebhookDeliveryRecord;

/**
 * Everything the simulator remembers: chats and messages, contacts, groups, accepted
 * sends, idempotency keys, received requests, webhook subscriptions and delivery
 * attempts. Every method holds one lock; {@link #locked(Supplier)} runs several steps
 * atomically.
 * <p>
 * Recording a request, a send or a delivery attempt, adding or advancing a message and
 * clearing are changes that wake threads in {@link #awaitChange(long, long)}, so that
 * tests wait for what they expect without polling.
 */
final class SimulatorState {

	private final Map<String, StoredChat> chats = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> idempotentResponses = new HashMap<>();

	private final List<SentMessage> sent = new ArrayList<>();

	private final List<ReceivedRequest> requests = new ArrayList<>();

	private final List<WebhookDeliveryRecord> deliveries = new ArrayList<>();

	private final Map<String, WebhookSubscription> webhooks = new LinkedHashMap<>();

	private final Map<String, StoredContact> contacts = new LinkedHashMap<>();

	private final Map<String, StoredGroup> groups = new LinkedHashMap<>();

	private final Map<String, StoredPoll> polls = new LinkedHashMap<>();

	private final Map<String, StoredBackground> backgrounds = new HashMap<>();

	private final Map<String, StoredMedia> media = new HashMap<>();

	private final Map<String, StoredLocation> locations = new LinkedHashMap<>();

	private StoredContactCard contactCard = new StoredContactCard();

	/** Counts the changes that {@link #awaitChange(long, long)} waits for. */
	private long version;

	synchronized <T> T locked(Supplier<T> action) {
		return action.get();
	}

	synchronized StoredChat chat(String id) {
		return this.chats.computeIfAbsent(id, (key) -> new StoredChat(key, null, List.of()));
	}

	synchronized StoredChat group(String id, @Nullable String name, List<String> participants) {
		StoredGroup group = this.groups.get(id);
		if (group == null) {
			this.groups.put(id, new StoredGroup(id, name, participants, System.currentTimeMillis()));
		}
		else {
			group.name = name;
			long now = System.currentTimeMillis();
			group.members.keySet().retainAll(participants);
			participants.forEach((member) -> group.members.putIfAbsent(member, now));
		}
		StoredChat chat = chat(id);
		chat.groupName = name;
		chat.participants = List.copyOf(participants);
		return chat;
	}

	synchronized @Nullable StoredGroup findGroup(String id) {
		return this.groups.get(id);
	}

	synchronized @Nullable StoredGroup findGroupWithMembers(Set<String> members) {
		return this.groups.values()
			.stream()
			.filter((group) -> group.members.keySet().equals(members))
			.findFirst()
			.orElse(null);
	}

	synchronized StoredGroup addGroup(@Nullable String name, List<String> members) {
		StoredGroup group = new StoredGroup(Ids.groupId(), name, members, System.currentTimeMillis());
		this.groups.put(group.groupId, group);
		return group;
	}

	synchronized boolean removeGroup(String id) {
		return this.groups.remove(id) != null;
	}

	synchronized List<StoredGroup> groups() {
		return new ArrayList<>(this.groups.values());
	}

	synchronized @Nullable StoredContact findContact(String identifier) {
		return this.contacts.get(identifier);
	}

	/**
	 * Returns the contact for an identifier, creating it if needed.
	 */
	synchronized StoredContact contact(String identifier) {
		return this.contacts.computeIfAbsent(identifier,
				(key) -> new StoredContact(key, null, System.currentTimeMillis()));
	}

	synchronized StoredContact addContact(String identifier, @Nullable String name) {
		StoredContact contact = new StoredContact(identifier, name, System.currentTimeMillis());
		this.contacts.put(identifier, contact);
		return contact;
	}

	synchronized boolean removeContact(String identifier) {
		return this.contacts.remove(identifier) != null;
	}

	synchronized List<StoredContact> contacts() {
		return new ArrayList<>(this.contacts.values());
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
		if (chat.messages.isEmpty()) {
			if (chat.isGroup()) {
				chat.participants.forEach(this::contact);
			}
			else {
				contact(chat.id);
			}
		}
		chat.messages.add(message);
		changed();
		return message;
	}

	synchronized void advance(StoredMessage message, String status, long at) {
		if ("read".equals(status)) {
			// Blooio's REST API has no "read" status (its document lists none): a read
			// receipt only arrives as the message.read webhook, and the message stays
			// delivered
			return;
		}
		message.status = status;
		if ("failed".equals(status)) {
			message.error = MessageLifecycle.FAILURE_MESSAGE;
		}
		if ("delivered".equals(status)) {
			message.timeDelivered = at;
		}
		changed();
	}

	synchronized @Nullable Map<String, Object> idempotentResponse(String key) {
		return this.idempotentResponses.get(key);
	}

	synchronized void rememberResponse(String key, Map<String, Object> response) {
		this.idempotentResponses.put(key, response);
	}

	synchronized void recordSent(SentMessage message) {
		this.sent.add(message);
		changed();
	}

	synchronized List<SentMessage> sent() {
		return List.copyOf(this.sent);
	}

	synchronized void recordRequest(ReceivedRequest request) {
		this.requests.add(request);
		changed();
	}

	synchronized List<ReceivedRequest> requests() {
		return List.copyOf(this.requests);
	}

	synchronized void recordDelivery(WebhookDeliveryRecord delivery) {
		this.deliveries.add(delivery);
		changed();
	}

	/**
	 * Records a delivery attempt both as a {@link WebhookDeliveryRecord} and in the
	 * subscription's log.
	 */
	synchronized void recordDelivery(WebhookSubscription subscription, WebhookLogEntry entry, int attempt) {
		subscription.logs.add(entry);
		recordDelivery(new WebhookDeliveryRecord(entry.webhookUrl(), entry.event(), entry.messageId(),
				entry.result().status(), attempt));
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

	synchronized @Nullable WebhookSubscription webhook(String id) {
		return this.webhooks.values()
			.stream()
			.filter((subscription) -> subscription.id.equals(id))
			.findFirst()
			.orElse(null);
	}

	synchronized StoredPoll addPoll(String chatId, @Nullable String title, List<String> options) {
		StoredPoll poll = new StoredPoll(Ids.pollId(), chatId, title, options, System.currentTimeMillis());
		this.polls.put(poll.id, poll);
		changed();
		return poll;
	}

	synchronized @Nullable StoredPoll findPoll(String id) {
		return this.polls.get(id);
	}

	synchronized void vote(StoredPoll poll, String voter, int option) {
		poll.votes.put(voter, option);
		changed();
	}

	synchronized @Nullable StoredBackground background(String chatId) {
		return this.backgrounds.get(chatId);
	}

	synchronized StoredBackground setBackground(String chatId, String url) {
		StoredBackground previous = this.backgrounds.get(chatId);
		StoredBackground background = new StoredBackground("bg_" + Ids.hex(8), url,
				(previous != null) ? previous.version() + 1 : 1);
		this.backgrounds.put(chatId, background);
		return background;
	}

	synchronized @Nullable StoredBackground removeBackground(String chatId) {
		return this.backgrounds.remove(chatId);
	}

	/**
	 * Keeps an uploaded image and returns its id.
	 */
	synchronized String addMedia(StoredMedia upload) {
		String id = Ids.hex(12);
		this.media.put(id, upload);
		return id;
	}

	synchronized @Nullable StoredMedia media(String id) {
		return this.media.get(id);
	}

	synchronized void location(StoredLocation location) {
		this.locations.put(location.handle(), location);
	}

	synchronized List<StoredLocation> locations() {
		return new ArrayList<>(this.locations.values());
	}

	synchronized List<StoredLocation> refreshLocations(long now) {
		this.locations.replaceAll((handle, location) -> location.refreshed(now));
		return locations();
	}

	synchronized StoredContactCard contactCard() {
		return this.contactCard;
	}

	synchronized List<ConversationEntry> conversation(String chatId) {
		StoredChat chat = this.chats.get(chatId);
		if (chat == null) {
			return List.of();
		}
		return chat.messages.stream()
			.map((message) -> new ConversationEntry(message.direction(), message.id, message.text, message.status,
					Instant.ofEpochMilli(message.timeSent)))
			.toList();
	}

	synchronized void clear() {
		this.chats.clear();
		this.idempotentResponses.clear();
		this.sent.clear();
		this.requests.clear();
		this.deliveries.clear();
		this.webhooks.clear();
		this.contacts.clear();
		this.groups.clear();
		this.polls.clear();
		this.backgrounds.clear();
		this.media.clear();
		this.locations.clear();
		this.contactCard = new StoredContactCard();
		changed();
	}

	/**
	 * Returns the number of changes so far; pass it to {@link #awaitChange(long, long)}
	 * after checking the state, so that a change in between is not missed.
	 * @return the change count
	 */
	synchronized long version() {
		return this.version;
	}

	/**
	 * Waits until the state changed since {@code seen} or the time is up.
	 * @param seen the {@link #version()} the caller last saw
	 * @param timeoutNanos the longest wait
	 * @throws InterruptedException if interrupted while waiting
	 */
	synchronized void awaitChange(long seen, long timeoutNanos) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutNanos;
		long remaining = timeoutNanos;
		while (this.version == seen && remaining > 0) {
			TimeUnit.NANOSECONDS.timedWait(this, remaining);
			remaining = deadline - System.nanoTime();
		}
	}

	private void changed() {
		// called with the lock held
		this.version++;
		notifyAll();
	}

}
