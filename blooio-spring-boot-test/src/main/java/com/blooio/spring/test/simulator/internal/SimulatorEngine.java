package com.blooio.spring.test.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.ContactEntry;
import com.blooio.spring.test.simulator.ConversationEntry;
import com.blooio.spring.test.simulator.GroupEntry;
import com.blooio.spring.test.simulator.ReceivedRequest;
import com.blooio.spring.test.simulator.SentMessage;
import com.blooio.spring.test.simulator.V4Envelope;
import com.blooio.spring.test.simulator.WebhookDeliveryRecord;
import com.blooio.spring.test.simulator.internal.control.ControlApi;
import com.blooio.spring.test.simulator.internal.control.MessageSnapshot;
import com.blooio.spring.test.simulator.internal.v4.V4Api;

/**
 * The engine behind {@link BlooioSimulator}, and the one way into this package: the HTTP
 * server (on {@code 127.0.0.1} unless told otherwise), the simulated API and control API,
 * the state, the message lifecycle, injected faults and the webhook deliveries, and the
 * v4 part ({@link V4Api}: webhook subscriptions, the event feed, safety events).
 * <p>
 * Not API: it is public only so that {@link BlooioSimulator} and its handles can delegate
 * to it, and it may change in any release. Use {@link BlooioSimulator}.
 *
 * @since 0.1.0
 */
public final class SimulatorEngine implements AutoCloseable {

	private final String apiKey;

	private final SimulatorState state = new SimulatorState();

	private final FaultState faults = new FaultState();

	private final SettingsState settings = new SettingsState();

	private final WebhookDispatcher dispatcher;

	private final MessageLifecycle lifecycle;

	private final PollsApi polls;

	private final V4Api v4;

	private final ExecutorService executor;

	private final HttpServer server;

	/**
	 * The host that URLs handed out name: the bound address, or loopback for a wildcard.
	 */
	private final String urlHost;

	private final List<Runnable> afterReset = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	private SimulatorEngine(String number, @Nullable String apiKey, String host, int port, int webhookMaxAttempts,
			Duration webhookRetryDelay) {
		this.apiKey = (apiKey != null) ? apiKey : Ids.apiKey();
		Representations representations = new Representations(this.state, number);
		this.dispatcher = new WebhookDispatcher(this.state, this.faults, webhookMaxAttempts, webhookRetryDelay);
		this.v4 = new V4Api(new V4Api.Settings(this.apiKey, number, AccountApi.ORGANIZATION_ID, webhookMaxAttempts,
				webhookRetryDelay, this.faults::duplicateWebhooks, this::holdsMessage, this.state::recordRequest,
				this.state::recordDelivery));
		this.lifecycle = new MessageLifecycle(this.state, representations, this.dispatcher, this.settings, this.faults,
				this.v4::messageEvent);
		this.polls = new PollsApi(this.state, new ChatResolver(this.state));
		ApiHandler handler = new ApiHandler(this.state, this.faults, this.apiKey,
				ApiRoutes.create(this.state, representations, number, this.apiKey, this.dispatcher,
						this.lifecycle::sent, this.polls, this::mediaUrl, this.settings));
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "blooio-simulator-http");
			thread.setDaemon(true);
			return thread;
		});
		InetAddress address;
		try {
			address = InetAddress.getByName(host);
			this.server = HttpServer.create(new InetSocketAddress(address, port), 0);
		}
		catch (IOException ex) {
			this.dispatcher.close();
			this.v4.close();
			this.executor.shutdownNow();
			throw new UncheckedIOException("Could not start the Blooio simulator on " + host + ":" + port, ex);
		}
		this.urlHost = urlHost(address);
		this.server.createContext("/", handler);
		this.server.createContext(V4Api.BASE_PATH, this.v4.apiHandler());
		this.server.createContext("/simulator/", new ControlHandler(this));
		this.server.createContext(V4Api.SAFETY_CONTROL_PATH, this.v4.safetyControlHandler());
		ControlApi control = new ControlApi(this);
		ControlApi.PATHS.forEach((path) -> this.server.createContext(path, control));
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * Starts an engine.
	 * @param number the account's sender number
	 * @param apiKey the API key to accept, or {@code null} for a random one
	 * @param port the port, or 0 for a free one
	 * @param webhookMaxAttempts how many times a webhook is attempted in all
	 * @param webhookRetryDelay the wait before a failed webhook delivery is tried again
	 * @return the running engine
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	public static SimulatorEngine start(String number, @Nullable String apiKey, String host, int port,
			int webhookMaxAttempts, Duration webhookRetryDelay) {
		return new SimulatorEngine(number, apiKey, host, port, webhookMaxAttempts, webhookRetryDelay);
	}

	private static String urlHost(InetAddress address) {
		if (address.isAnyLocalAddress()) {
			return "127.0.0.1";
		}
		String literal = address.getHostAddress();
		return literal.contains(":") ? "[" + literal + "]" : literal;
	}

	/**
	 * Returns the root URL of the server.
	 * @return {@code http://<host>:<port>}, {@code 127.0.0.1} for a wildcard address
	 */
	public String rootUrl() {
		return "http://" + this.urlHost + ":" + port();
	}

	/**
	 * Returns the base URL of the simulated API.
	 * @return {@code http://127.0.0.1:<port>/v2/api}
	 */
	public String baseUrl() {
		return rootUrl() + ApiHandler.BASE_PATH;
	}

	/**
	 * Returns the base URL of the simulated v4 API.
	 * @return {@code http://127.0.0.1:<port>/v4}
	 */
	public String v4BaseUrl() {
		return rootUrl() + V4Api.BASE_PATH;
	}

	private boolean holdsMessage(String chatId, String messageId) {
		return this.state.locked(() -> {
			StoredChat chat = this.state.findChat(chatId);
			return chat != null && chat.messages.stream().anyMatch((message) -> message.id.equals(messageId));
		});
	}

	private String mediaUrl(String mediaId) {
		return rootUrl() + ControlHandler.MEDIA_PATH + mediaId;
	}

	/**
	 * Returns an uploaded image by its media id.
	 * @param mediaId the id in its URL
	 * @return the image, or {@code null} if there is none
	 */
	@Nullable StoredMedia media(String mediaId) {
		return this.state.media(mediaId);
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Returns the only API key accepted.
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Subscribes a URL to every webhook event, unless it is subscribed already.
	 * @param url the receiver's URL
	 * @param secret the signing secret, or {@code null} to generate one
	 * @return the signing secret in effect for the URL
	 * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
	 */
	public String registerWebhook(String url, @Nullable String secret) {
		Assert.isTrue(url != null && WebhooksApi.isHttpUrl(url), "url must be an absolute http(s) URL");
		return this.state.locked(() -> {
			WebhookSubscription existing = this.state.webhookByUrl(url);
			if (existing != null) {
				return existing.secret();
			}
			return this.state.addWebhook(url, "all", (secret != null) ? secret : Ids.webhookSecret()).secret();
		});
	}

	/**
	 * Stores a message from a contact in its 1:1 chat and delivers
	 * {@code message.received}.
	 * @param from the contact's phone or email
	 * @param text the text
	 * @param attachments URLs of the attachments
	 * @return the id of the inbound message
	 */
	public String receive(String from, String text, List<String> attachments) {
		return receive(this.state.chat(from), from, text, attachments);
	}

	/**
	 * Creates or updates a group chat.
	 * @param groupId the group id
	 * @param name the group name, or {@code null}
	 * @param members the members' phones or emails
	 */
	public void group(String groupId, @Nullable String name, List<String> members) {
		this.state.group(groupId, name, members);
	}

	/**
	 * Creates or updates a group chat, stores a member's message in it and delivers
	 * {@code message.received}.
	 * @param groupId the group id
	 * @param name the group name, or {@code null}
	 * @param members the members' phones or emails
	 * @param sender the member writing
	 * @param text the text
	 * @param attachments URLs of the attachments
	 * @return the id of the inbound message
	 */
	public String receiveInGroup(String groupId, @Nullable String name, List<String> members, String sender,
			String text, List<String> attachments) {
		return receive(this.state.group(groupId, name, members), sender, text, attachments);
	}

	private String receive(StoredChat chat, String sender, String text, List<String> attachments) {
		StoredMessage message = this.state.addMessage(chat, true, text, attachments, sender);
		this.lifecycle.received(message);
		return message.id;
	}

	/**
	 * Casts a contact's vote on a poll, replacing the contact's earlier vote.
	 * @param pollId the poll id
	 * @param voter the voter's phone or email
	 * @param option the text of the chosen option
	 * @throws IllegalArgumentException if there is no such poll or option
	 */
	public void vote(String pollId, String voter, String option) {
		this.polls.vote(pollId, voter, option);
	}

	/**
	 * Shares a contact's FindMy location, or moves it.
	 * @param handle the contact's phone or email
	 * @param latitude the latitude
	 * @param longitude the longitude
	 */
	public void shareLocation(String handle, double latitude, double longitude) {
		this.state.location(new StoredLocation(handle, latitude, longitude, System.currentTimeMillis()));
	}

	/**
	 * Returns every accepted send, in order.
	 * @return a snapshot of the sends
	 */
	public List<SentMessage> sentMessages() {
		return this.state.sent();
	}

	/**
	 * Returns the contacts, oldest first.
	 * @return a snapshot of the contacts
	 */
	public List<ContactEntry> contacts() {
		return this.state.locked(() -> this.state.contacts().stream().map(StoredContact::toEntry).toList());
	}

	/**
	 * Returns the groups, oldest first.
	 * @return a snapshot of the groups
	 */
	public List<GroupEntry> groups() {
		return this.state.locked(() -> this.state.groups().stream().map(StoredGroup::toEntry).toList());
	}

	/**
	 * Returns the current status and the attachments of a message.
	 * @param messageId the message id
	 * @return the message's status and attachments, or {@code null} if there is no such
	 * message
	 */
	public @Nullable MessageSnapshot message(String messageId) {
		return this.state.locked(() -> this.state.chats()
			.stream()
			.flatMap((chat) -> chat.messages.stream())
			.filter((message) -> message.id.equals(messageId))
			.findFirst()
			.map((message) -> new MessageSnapshot(message.status, message.attachments))
			.orElse(null));
	}

	/**
	 * Returns every API request received, in order.
	 * @return a snapshot of the requests
	 */
	public List<ReceivedRequest> receivedRequests() {
		return this.state.requests();
	}

	/**
	 * Returns the messages of a chat, oldest first.
	 * @param chatId the chat id, not encoded
	 * @return a snapshot of the messages, empty for an unknown chat
	 */
	public List<ConversationEntry> conversation(String chatId) {
		return this.state.conversation(chatId);
	}

	/**
	 * Returns every webhook delivery attempt, in order.
	 * @return a snapshot of the attempts
	 */
	public List<WebhookDeliveryRecord> deliveries() {
		return this.state.deliveries();
	}

	/**
	 * Waits until a probe of the state finds what it looks for. The probe runs now and
	 * again whenever the state changes (a request, send or delivery attempt recorded, a
	 * message added or advanced, a reset), never on a timer.
	 * @param <T> the type found
	 * @param probe returns what it found, or {@code null} to keep waiting
	 * @param timeout the longest wait
	 * @return what the probe found, or {@code null} if it found nothing in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	public <T> @Nullable T await(Supplier<@Nullable T> probe, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long seen = this.state.version();
			T found = probe.get();
			if (found != null) {
				return found;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return null;
			}
			this.state.awaitChange(seen, remaining);
		}
	}

	/**
	 * Answers the next API requests with an error status and Blooio's error body.
	 * @param count how many requests
	 * @param status the HTTP status
	 */
	public void respondToNextRequests(int count, int status) {
		this.faults.add(Fault.respond(status), count);
	}

	/**
	 * Answers the next API requests 429 with a {@code Retry-After}.
	 * @param count how many requests
	 * @param retryAfter the wait to advertise
	 */
	public void rateLimitNextRequests(int count, Duration retryAfter) {
		this.faults.add(Fault.rateLimited(retryAfter), count);
	}

	/**
	 * Answers the next API requests 429 {@code outbound_limit_reached}.
	 * @param count how many requests
	 */
	public void exceedQuotaOnNextRequests(int count) {
		this.faults.add(Fault.quotaExceeded(), count);
	}

	/**
	 * Closes the connection of the next API requests without answering.
	 * @param count how many requests
	 */
	public void dropNextRequests(int count) {
		this.faults.add(Fault.drop(), count);
	}

	/**
	 * Waits before answering the next API requests.
	 * @param count how many requests
	 * @param delay the wait
	 */
	public void delayNextRequests(int count, Duration delay) {
		this.faults.add(Fault.delayed(delay), count);
	}

	/**
	 * Returns how many faults are queued for the next API requests.
	 * @return the number of requests that will get a fault
	 */
	public int pendingFaults() {
		return this.faults.pending();
	}

	/**
	 * Drops the faults queued for the next API requests and switches the webhook faults
	 * off.
	 */
	public void clearFaults() {
		this.faults.reset();
	}

	/**
	 * Returns whether every webhook is delivered twice.
	 * @return whether deliveries are duplicated
	 */
	public boolean duplicatesWebhooks() {
		return this.faults.duplicateWebhooks();
	}

	/**
	 * Returns whether the lifecycle events of a sent message are delivered in reverse
	 * order.
	 * @return whether the order is reversed
	 */
	public boolean reversesWebhookOrder() {
		return this.faults.reverseWebhookOrder();
	}

	/**
	 * Sets whether every webhook is delivered twice.
	 * @param duplicate whether to duplicate deliveries
	 */
	public void duplicateWebhooks(boolean duplicate) {
		this.faults.duplicateWebhooks(duplicate);
	}

	/**
	 * Sets whether the lifecycle events of a sent message are delivered in reverse order.
	 * @param reverse whether to reverse the order
	 */
	public void reverseWebhookOrder(boolean reverse) {
		this.faults.reverseWebhookOrder(reverse);
	}

	/**
	 * Sets whether {@code message.read} follows {@code message.delivered}.
	 * @param readReceipts whether recipients read their messages
	 */
	public void readReceipts(boolean readReceipts) {
		this.settings.readReceipts(readReceipts);
	}

	/**
	 * Returns whether {@code message.read} follows {@code message.delivered}.
	 * @return whether recipients read their messages
	 */
	public boolean readReceipts() {
		return this.settings.readReceipts();
	}

	/**
	 * Returns whether creating v2 subscriptions is retired.
	 * @return whether v2 {@code POST /webhooks} answers 410 for a new URL
	 */
	public boolean v2WebhookCreationRetired() {
		return this.settings.v2WebhookCreationRetired();
	}

	/**
	 * Returns the chats whose messages stay queued.
	 * @return the chat ids
	 */
	public Set<String> heldChats() {
		return this.settings.heldChats();
	}

	/**
	 * Returns the chats that every sent message fails to.
	 * @return a snapshot of the chat ids
	 */
	public Set<String> failingChats() {
		return this.settings.failingChats();
	}

	/**
	 * Returns the shape of v4 webhook envelopes.
	 * @return the shape
	 */
	public V4Envelope v4Envelope() {
		return this.v4.envelope();
	}

	/**
	 * Sets whether v2 {@code POST /webhooks} answers 410 for a URL not yet registered, as
	 * Blooio does since it moved new subscriptions to v4.
	 * @param retired whether creating v2 subscriptions is retired
	 */
	public void retireV2WebhookCreation(boolean retired) {
		this.settings.retireV2WebhookCreation(retired);
	}

	/**
	 * Selects the shape of v4 webhook envelopes.
	 * @param shape the shape
	 */
	public void v4Envelope(V4Envelope shape) {
		this.v4.envelope(shape);
	}

	/**
	 * Records {@code safety.state_changed} in the event feed and delivers it to the v4
	 * subscriptions that want it.
	 * @param tier the warm-up tier now
	 * @param previousTier the tier before
	 * @param action the safety action now
	 * @param previousAction the action before
	 * @param reasons why
	 * @return the event id
	 */
	public String safetyStateChanged(String tier, String previousTier, String action, String previousAction,
			List<String> reasons) {
		return this.v4.safetyStateChanged(null, tier, previousTier, action, previousAction, reasons);
	}

	/**
	 * Records {@code safety.number_banned} in the event feed and delivers it to the v4
	 * subscriptions that want it.
	 * @param phoneNumber the banned number
	 * @param allocationType {@code dedicated} or {@code shared}
	 * @return the event id
	 */
	public String numberBanned(String phoneNumber, String allocationType) {
		return this.v4.numberBanned(phoneNumber, allocationType);
	}

	/**
	 * Makes every message later sent to a chat fail.
	 * @param chatId the chat id, not encoded
	 */
	public void failDeliveriesTo(String chatId) {
		this.settings.failDeliveriesTo(chatId);
	}

	/**
	 * Keeps every message later sent to a chat queued: no status change, no webhook.
	 * @param chatId the chat id, not encoded
	 */
	public void holdDeliveriesTo(String chatId) {
		this.settings.holdDeliveriesTo(chatId);
	}

	/**
	 * Forgets all state, drops pending webhooks and clears faults and settings, then runs
	 * the set-up kept with {@link #keepAcrossResets(Runnable)} again.
	 */
	public void reset() {
		this.dispatcher.reset();
		this.v4.reset();
		this.faults.reset();
		this.settings.reset();
		this.state.clear();
		this.afterReset.forEach(Runnable::run);
	}

	/**
	 * Runs set-up now and again after every {@link #reset()}, whether the reset comes
	 * from Java or from the control API.
	 * @param setUp the set-up
	 */
	public void keepAcrossResets(Runnable setUp) {
		setUp.run();
		this.afterReset.add(setUp);
	}

	/**
	 * Stops the server and the webhook deliveries. Calling it again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.dispatcher.close();
		this.v4.close();
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
