package com.blooio.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An in-process fake of the Blooio v2 API for tests, on {@code 127.0.0.1}.
 * <p>
 * It accepts one API key, insists on percent-encoded chat ids, keeps chats, messages,
 * contacts and groups, honours {@code Idempotency-Key}, moves sent messages through
 * queued → sent → delivered (→ read), or queued → failed for a chat set up with
 * {@link SimulatorSettings#failDeliveriesTo(String)}, while delivering signed webhooks to
 * every registered URL according to its {@code webhook_type}, lets a test play inbound
 * messages, and injects faults. A wrong method on a served path answers 405 with
 * {@code Allow}. <pre class="code">
 * try (BlooioSimulator sim = BlooioSimulator.start()) {
 *     BlooioTemplate blooio = new BlooioTemplate(WebClient.create(),
 *             BlooioClientSettings.of(sim.apiKey()).withBaseUrl(URI.create(sim.baseUrl())));
 *     blooio.send("+15551234567", "hi").block();
 *     assertThat(sim.sentMessages()).singleElement().extracting(SentMessage::text).isEqualTo("hi");
 * }
 * </pre> Thread-safe.
 */
public final class BlooioSimulator implements AutoCloseable {

	/** The simulated account's sender number. */
	public static final String NUMBER = "+15550009999";

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private final String apiKey;

	private final HttpServer server;

	private final ExecutorService executor;

	private final SimulatorState state = new SimulatorState();

	private final SimulatorFaults faults = new SimulatorFaults();

	private final SimulatorSettings settings = new SimulatorSettings();

	private final WebhookDispatcher dispatcher;

	private final MessageLifecycle lifecycle;

	private final List<Runnable> afterReset = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	private BlooioSimulator(Builder builder) {
		this.apiKey = (builder.apiKey != null) ? builder.apiKey : Ids.apiKey();
		Representations representations = new Representations(NUMBER);
		this.dispatcher = new WebhookDispatcher(this.state, this.faults, builder.webhookMaxAttempts,
				builder.webhookRetryDelay);
		this.lifecycle = new MessageLifecycle(this.state, representations, this.dispatcher, this.settings, this.faults);
		ApiHandler handler = new ApiHandler(this.state, this.faults, this.apiKey,
				new MessagesApi(this.state, representations, this.lifecycle::sent),
				new ChatsApi(this.state, representations), new AccountApi(this.state, this.apiKey, NUMBER),
				new WebhooksApi(this.state), new ContactsApi(this.state), new GroupsApi(this.state));
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "blooio-simulator-http");
			thread.setDaemon(true);
			return thread;
		});
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
		}
		catch (IOException ex) {
			this.dispatcher.close();
			this.executor.shutdownNow();
			throw new UncheckedIOException("Could not start the Blooio simulator on port " + builder.port, ex);
		}
		this.server.createContext("/", handler);
		this.server.createContext("/simulator/", new ControlHandler(this));
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * Starts a simulator on a free port with a random API key.
	 * @return the running simulator
	 */
	public static BlooioSimulator start() {
		return builder().start();
	}

	/**
	 * Starts a simulator on the given port with a random API key.
	 * @param port the port, or 0 for a free one
	 * @return the running simulator
	 */
	public static BlooioSimulator start(int port) {
		return builder().port(port).start();
	}

	/**
	 * Returns a builder for a simulator with other settings.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the base URL to configure the client with ({@code blooio.base-url}).
	 * @return {@code http://127.0.0.1:<port>/v2/api}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + ApiHandler.BASE_PATH;
	}

	/**
	 * Returns the port the simulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Returns the only API key the simulator accepts ({@code blooio.api-key}).
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Subscribes a URL to every webhook event with a generated signing secret, like
	 * {@code POST /webhooks}. Registering a URL again keeps its first secret.
	 * @param url the receiver's URL
	 * @return the signing secret, {@code whsec_<hex>}
	 */
	public String registerWebhook(String url) {
		return registerWebhook(url, Ids.webhookSecret());
	}

	/**
	 * Subscribes a URL to every webhook event with a given signing secret.
	 * @param url the receiver's URL
	 * @param secret the signing secret
	 * @return the signing secret in effect for the URL
	 */
	public String registerWebhook(String url, String secret) {
		Assert.isTrue(url != null && WebhooksApi.isHttpUrl(url), "url must be an absolute http(s) URL");
		Assert.hasText(secret, "secret must not be empty");
		return this.state.locked(() -> {
			WebhookSubscription existing = this.state.webhookByUrl(url);
			return (existing != null) ? existing.secret : this.state.addWebhook(url, "all", secret).secret;
		});
	}

	/**
	 * Returns a contact who can write to you 1:1.
	 * @param identifier the contact's phone (E.164) or email
	 * @return the contact
	 */
	public SimulatedSender contact(String identifier) {
		Assert.hasText(identifier, "identifier must not be empty");
		return new SimulatedSender(
				(text, attachments) -> receive(this.state.chat(identifier), identifier, text, attachments));
	}

	/**
	 * Returns a group chat whose members can write in it.
	 * @param groupId the group id, {@code grp_...}
	 * @param name the group name
	 * @param participants the members' phones or emails
	 * @return the group
	 */
	public SimulatedGroup group(String groupId, String name, List<String> participants) {
		Assert.isTrue(groupId != null && groupId.startsWith("grp_"), "groupId must start with grp_");
		List<String> members = List.copyOf(participants);
		this.state.group(groupId, name, members);
		return new SimulatedGroup(members, (sender) -> new SimulatedSender(
				(text, attachments) -> receive(this.state.group(groupId, name, members), sender, text, attachments)));
	}

	private String receive(StoredChat chat, String sender, String text, List<String> attachments) {
		StoredMessage message = this.state.addMessage(chat, true, text, attachments, sender);
		this.lifecycle.received(message);
		return message.id;
	}

	/**
	 * Returns every send the simulator accepted, in order.
	 * @return the sends
	 */
	public List<SentMessage> sentMessages() {
		return this.state.sent();
	}

	/**
	 * Returns the contacts the simulator knows, oldest first: created with
	 * {@code POST /contacts} or implicitly by a chat's first message.
	 * @return a snapshot of the contacts
	 */
	public List<ContactEntry> contacts() {
		return this.state.locked(() -> this.state.contacts().stream().map(StoredContact::toEntry).toList());
	}

	/**
	 * Returns the groups the simulator knows, oldest first: created with
	 * {@code POST /groups}, by sending to a comma-separated chat id, or with
	 * {@link #group(String, String, List)}.
	 * @return a snapshot of the groups
	 */
	public List<GroupEntry> groups() {
		return this.state.locked(() -> this.state.groups().stream().map(StoredGroup::toEntry).toList());
	}

	/**
	 * Returns every API request received, in order, including refused ones and retries.
	 * @return the requests
	 */
	public List<ReceivedRequest> receivedRequests() {
		return this.state.requests();
	}

	/**
	 * Returns the messages of a chat, oldest first, with their current status.
	 * @param chatId the chat id, not encoded (e.g. {@code +15551234567})
	 * @return the messages, empty for an unknown chat
	 */
	public List<ConversationEntry> conversation(String chatId) {
		return this.state.conversation(chatId);
	}

	/**
	 * Returns every webhook delivery attempt so far, in order.
	 * @return the attempts
	 */
	public List<WebhookDeliveryRecord> deliveries() {
		return this.state.deliveries();
	}

	/**
	 * Waits until a delivery attempt matches.
	 * @param condition the condition
	 * @param timeout the longest wait
	 * @return the first matching attempt
	 * @throws AssertionError if none matched in time
	 */
	public WebhookDeliveryRecord awaitDelivery(Predicate<WebhookDeliveryRecord> condition, Duration timeout) {
		return await(() -> deliveries().stream().filter(condition).findFirst().orElse(null), timeout,
				() -> "No matching webhook delivery within " + timeout + "; deliveries: " + deliveries());
	}

	/**
	 * Waits until at least the given number of sends were accepted.
	 * @param count the number of sends
	 * @param timeout the longest wait
	 * @return the accepted sends
	 * @throws AssertionError if fewer arrived in time
	 */
	public List<SentMessage> awaitSentMessages(int count, Duration timeout) {
		return await(() -> {
			List<SentMessage> sent = sentMessages();
			return (sent.size() >= count) ? sent : null;
		}, timeout, () -> "Expected " + count + " sent messages within " + timeout + " but got " + sentMessages());
	}

	private <T> T await(Supplier<@Nullable T> probe, Duration timeout, Supplier<String> failure) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			T result = probe.get();
			if (result != null) {
				return result;
			}
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError(failure.get());
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting", ex);
			}
		}
	}

	/**
	 * Returns the faults to inject.
	 * @return the faults
	 */
	public SimulatorFaults faults() {
		return this.faults;
	}

	/**
	 * Returns the behaviour switches.
	 * @return the settings
	 */
	public SimulatorSettings settings() {
		return this.settings;
	}

	/**
	 * Forgets everything (chats, sends, requests, subscriptions, deliveries), drops
	 * pending webhooks and clears faults and settings. Port and API key stay, and so does
	 * the subscription of the application's own webhook endpoint that
	 * {@link AutoConfigureBlooioSimulator} makes.
	 */
	public void reset() {
		this.dispatcher.reset();
		this.faults.reset();
		this.settings.reset();
		this.state.clear();
		this.afterReset.forEach(Runnable::run);
	}

	/**
	 * Runs an action now and again after every {@link #reset()}, for set-up that belongs
	 * to the test fixture rather than to one test.
	 * @param action the action
	 */
	void keep(Runnable action) {
		action.run();
		this.afterReset.add(action);
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
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "BlooioSimulator{baseUrl=" + baseUrl() + "}";
	}

	/**
	 * Builds a {@link BlooioSimulator} with non-default settings.
	 */
	public static final class Builder {

		private @Nullable String apiKey;

		private int port;

		private Duration webhookRetryDelay = Duration.ofMillis(200);

		private int webhookMaxAttempts = 3;

		private Builder() {
		}

		/**
		 * Sets the API key to accept instead of a random {@code bl_sim_...} one.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			Assert.hasText(apiKey, "apiKey must not be empty");
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Sets the port; 0 (the default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			Assert.isTrue(port >= 0 && port <= 65535, "port must be from 0 to 65535");
			this.port = port;
			return this;
		}

		/**
		 * Sets the wait before a failed webhook delivery is tried again (default 200 ms).
		 * @param webhookRetryDelay the wait
		 * @return this builder
		 */
		public Builder webhookRetryDelay(Duration webhookRetryDelay) {
			Assert.isTrue(webhookRetryDelay != null && !webhookRetryDelay.isNegative(),
					"webhookRetryDelay must not be negative");
			this.webhookRetryDelay = webhookRetryDelay;
			return this;
		}

		/**
		 * Sets how many times a webhook is attempted in all (default 3).
		 * @param webhookMaxAttempts the attempts, at least 1
		 * @return this builder
		 */
		public Builder webhookMaxAttempts(int webhookMaxAttempts) {
			Assert.isTrue(webhookMaxAttempts >= 1, "webhookMaxAttempts must be at least 1");
			this.webhookMaxAttempts = webhookMaxAttempts;
			return this;
		}

		/**
		 * Starts the simulator.
		 * @return the running simulator
		 */
		public BlooioSimulator start() {
			return new BlooioSimulator(this);
		}

	}

}
