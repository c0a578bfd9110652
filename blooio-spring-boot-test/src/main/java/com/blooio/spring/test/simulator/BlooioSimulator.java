package com.blooio.spring.test.simulator;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import com.blooio.spring.test.simulator.internal.SimulatorEngine;

/**
 * An in-process fake of the Blooio v2 API for tests, on {@code 127.0.0.1} (or the
 * {@linkplain Builder#host(String) host} given). The {@code blooio-simulator} module runs
 * it on its own for tests in other languages: {@code java -jar blooio-simulator.jar}.
 * <p>
 * It serves the 55 operations of Blooio's v2 document. It accepts one API key, takes ids
 * in paths raw ({@code +15551234567}) or percent-encoded ({@code %2B15551234567}) alike,
 * keeps chats, messages, reactions, polls, backgrounds, contacts and their tags, groups
 * and their icons, honours {@code Idempotency-Key}, moves sent messages through queued →
 * sent → delivered (→ read), or queued → failed for a chat set up with
 * {@link SimulatorSettings#failDeliveriesTo(String)}, while delivering signed webhooks to
 * every registered URL according to its {@code webhook_type}, lets a test play inbound
 * messages, and injects faults. A wrong method on a served path answers 405 with
 * {@code Allow}.
 * <p>
 * Under {@link #v4BaseUrl()} it serves what receiving webhooks needs of Blooio's v4 API,
 * with the same key: webhook subscriptions ({@code /webhooks}, with {@code event_types}
 * such as {@code message.*}, secret rotation, delivery attempts and replays) and the
 * event feed ({@code GET /events}, {@code GET /events/{eventId}}, {@code GET
 * /chats/{chatId}/messages/{messageId}/events}), lists newest first with cursors. Every
 * event (a sent message's lifecycle, an inbound message, a {@linkplain #safety() safety
 * event}) is recorded in the feed under an {@code evt_} id, whether or not a delivery
 * succeeds, and v4 subscriptions get it as a signed v4 envelope
 * ({@link SimulatorSettings#v4Envelope(V4Envelope)}) carrying the same id. Request faults
 * apply to the v2 API only; {@link SimulatorFaults#duplicateWebhooks(boolean)} duplicates
 * v4 deliveries too, with the same event id. <pre class="code">
 * try (BlooioSimulator sim = BlooioSimulator.start()) {
 *     BlooioTemplate blooio = new BlooioTemplate(WebClient.create(),
 *             BlooioClientSettings.of(sim.apiKey()).withBaseUrl(URI.create(sim.baseUrl())));
 *     blooio.send("+15551234567", "hi").block();
 *     assertThat(sim.sentMessages()).singleElement().extracting(SentMessage::text).isEqualTo("hi");
 * }
 * </pre>
 * <p>
 * What happens asynchronously, webhook deliveries above all, is awaited with
 * {@link #awaitDelivery(Predicate, Duration)} and
 * {@link #awaitSentMessages(int, Duration)}: they return as soon as the simulator records
 * what they wait for, without polling.
 * <p>
 * Besides the Blooio API, the simulator serves a control API without a key, so that a
 * person or a test in another language can play the other side: <pre class="code">
 * POST /simulator/inbound {"from": "+15551234567", "text": "hi", "attachments": ["https://…"]}
 * POST /simulator/inbound {"from": "+15551234567", "text": "hi", "group_id": "grp_1",
 *                          "group_name": "Team", "members": ["+15551234567", "+15557654321"]}
 * POST /simulator/polls/{pollId}/votes {"voter": "+15551234567", "option": "Pizza"}
 * </pre> The inbound command answers {@code {"message_id": "…"}}, like
 * {@link #contact(String)} and {@link #group(String, String, List)}; a vote counts like
 * {@link SimulatedSender#votes(String, String)}. Uploaded group icons and chat
 * backgrounds are served back at their URLs under {@code /simulator/media/}. The control
 * API also injects faults ({@code POST /simulator/faults}), changes settings
 * ({@code POST /simulator/settings}), subscribes a receiver
 * ({@code POST /simulator/webhooks}), lists what was sent, received and delivered
 * ({@code GET /simulator/sent}, {@code /requests}, {@code /deliveries}) and resets
 * ({@code POST /simulator/reset}); {@code docs/simulator-control-api.md} describes every
 * command.
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class BlooioSimulator implements AutoCloseable {

	/** The simulated account's sender number. */
	public static final String NUMBER = "+15550009999";

	private final SimulatorEngine engine;

	private final SimulatorFaults faults;

	private final SimulatorSettings settings;

	private final SimulatedSafety safety;

	private BlooioSimulator(Builder builder) {
		this.engine = SimulatorEngine.start(NUMBER, builder.apiKey, builder.host, builder.port,
				builder.webhookMaxAttempts, builder.webhookRetryDelay);
		this.faults = new SimulatorFaults(this.engine);
		this.settings = new SimulatorSettings(this.engine);
		this.safety = new SimulatedSafety(this.engine);
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
	 * @return {@code http://127.0.0.1:<port>/v2/api} (the
	 * {@linkplain Builder#host(String) host} instead of {@code 127.0.0.1} if one other
	 * than a wildcard address was set)
	 */
	public String baseUrl() {
		return this.engine.baseUrl();
	}

	/**
	 * Returns the base URL of the simulated v4 API ({@code blooio.v4.base-url}): webhook
	 * subscriptions, their deliveries and replays, and the event feed.
	 * @return {@code http://127.0.0.1:<port>/v4}
	 */
	public String v4BaseUrl() {
		return this.engine.v4BaseUrl();
	}

	/**
	 * Returns the port the simulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.engine.port();
	}

	/**
	 * Returns the only API key the simulator accepts ({@code blooio.api-key}).
	 * @return the API key
	 */
	public String apiKey() {
		return this.engine.apiKey();
	}

	/**
	 * Subscribes a URL to every webhook event with a generated signing secret, like
	 * {@code POST /webhooks}. Registering a URL again keeps its first secret.
	 * @param url the receiver's URL
	 * @return the signing secret, {@code whsec_<hex>}
	 * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
	 */
	public String registerWebhook(String url) {
		return this.engine.registerWebhook(url, null);
	}

	/**
	 * Subscribes a URL to every webhook event with a given signing secret.
	 * @param url the receiver's URL
	 * @param secret the signing secret
	 * @return the signing secret in effect for the URL
	 * @throws IllegalArgumentException if the URL is not an absolute http(s) URL or the
	 * secret is empty
	 */
	public String registerWebhook(String url, String secret) {
		Assert.hasText(secret, "secret must not be empty");
		return this.engine.registerWebhook(url, secret);
	}

	/**
	 * Returns a contact who can write to you 1:1.
	 * @param identifier the contact's phone (E.164) or email
	 * @return the contact
	 */
	public SimulatedSender contact(String identifier) {
		Assert.hasText(identifier, "identifier must not be empty");
		return new SimulatedSender(identifier,
				(text, attachments) -> this.engine.receive(identifier, text, attachments), this.engine);
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
		this.engine.group(groupId, name, members);
		return new SimulatedGroup(members, (sender) -> new SimulatedSender(sender,
				(text, attachments) -> this.engine.receiveInGroup(groupId, name, members, sender, text, attachments),
				this.engine));
	}

	/**
	 * Returns every send the simulator accepted, in order.
	 * @return the sends
	 */
	public List<SentMessage> sentMessages() {
		return this.engine.sentMessages();
	}

	/**
	 * Returns the contacts the simulator knows, oldest first: created with
	 * {@code POST /contacts} or implicitly by a chat's first message.
	 * @return a snapshot of the contacts
	 */
	public List<ContactEntry> contacts() {
		return this.engine.contacts();
	}

	/**
	 * Returns the groups the simulator knows, oldest first: created with
	 * {@code POST /groups}, by sending to a comma-separated chat id, or with
	 * {@link #group(String, String, List)}.
	 * @return a snapshot of the groups
	 */
	public List<GroupEntry> groups() {
		return this.engine.groups();
	}

	/**
	 * Returns every API request received, in order, including refused ones and retries.
	 * @return the requests
	 */
	public List<ReceivedRequest> receivedRequests() {
		return this.engine.receivedRequests();
	}

	/**
	 * Returns the messages of a chat, oldest first, with their current status.
	 * @param chatId the chat id, not encoded (e.g. {@code +15551234567})
	 * @return the messages, empty for an unknown chat
	 */
	public List<ConversationEntry> conversation(String chatId) {
		return this.engine.conversation(chatId);
	}

	/**
	 * Returns every webhook delivery attempt so far, in order.
	 * @return the attempts
	 */
	public List<WebhookDeliveryRecord> deliveries() {
		return this.engine.deliveries();
	}

	/**
	 * Waits until a delivery attempt matches, like {@code takeRequest(timeout)} of a mock
	 * web server: returns as soon as a matching attempt is recorded (an attempt is
	 * recorded once the receiver answered, or could not be reached).
	 * @param condition the condition
	 * @param timeout the longest wait
	 * @return the first matching attempt
	 * @throws AssertionError if none matched in time, or the thread was interrupted
	 */
	public WebhookDeliveryRecord awaitDelivery(Predicate<WebhookDeliveryRecord> condition, Duration timeout) {
		Assert.notNull(condition, "condition must not be null");
		return await(() -> deliveries().stream().filter(condition).findFirst().orElse(null), timeout,
				() -> "No matching webhook delivery within " + timeout + "; deliveries: " + deliveries());
	}

	/**
	 * Waits until at least the given number of sends were accepted; returns as soon as
	 * the last of them is.
	 * @param count the number of sends
	 * @param timeout the longest wait
	 * @return the accepted sends, at least {@code count}
	 * @throws AssertionError if fewer arrived in time, or the thread was interrupted
	 */
	public List<SentMessage> awaitSentMessages(int count, Duration timeout) {
		return await(() -> {
			List<SentMessage> sent = sentMessages();
			return (sent.size() >= count) ? sent : null;
		}, timeout, () -> "Expected " + count + " sent messages within " + timeout + " but got " + sentMessages());
	}

	private <T> T await(Supplier<@Nullable T> probe, Duration timeout, Supplier<String> failure) {
		T found;
		try {
			found = this.engine.await(probe, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting", ex);
		}
		if (found == null) {
			throw new AssertionError(failure.get());
		}
		return found;
	}

	/**
	 * Returns the faults to inject.
	 * @return the faults
	 */
	public SimulatorFaults faults() {
		return this.faults;
	}

	/**
	 * Returns Blooio's messaging safety, to make v4 safety events happen.
	 * @return the safety events
	 */
	public SimulatedSafety safety() {
		return this.safety;
	}

	/**
	 * Returns the behaviour switches.
	 * @return the settings
	 */
	public SimulatorSettings settings() {
		return this.settings;
	}

	/**
	 * Forgets everything (chats, sends, requests, v2 and v4 subscriptions, deliveries,
	 * the v4 event feed), drops pending webhooks and clears faults and settings. Port and
	 * API key stay; then the set-up registered with {@link #keepAcrossResets(Runnable)}
	 * runs again, such as the subscription of the application's own webhook endpoint that
	 * {@code @AutoConfigureBlooioSimulator} makes. {@code POST /simulator/reset} does the
	 * same.
	 */
	public void reset() {
		this.engine.reset();
	}

	/**
	 * Runs set-up now and again after every {@link #reset()} (or
	 * {@code POST /simulator/reset}), for set-up that belongs to the test fixture rather
	 * than to one test, such as a webhook subscription every test relies on:
	 * <pre class="code">
	 * sim.keepAcrossResets(() -&gt; sim.registerWebhook(receiverUrl, "whsec_test"));
	 * </pre>
	 * @param setUp the set-up
	 */
	public void keepAcrossResets(Runnable setUp) {
		Assert.notNull(setUp, "setUp must not be null");
		this.engine.keepAcrossResets(setUp);
	}

	/**
	 * Stops the server and the webhook deliveries. Calling it again does nothing.
	 */
	@Override
	public void close() {
		this.engine.close();
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

		private String host = "127.0.0.1";

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
		 * Sets the address to listen on instead of {@code 127.0.0.1}, such as
		 * {@code 0.0.0.0} to be reachable from other machines or containers. The
		 * simulator has no security beyond its API key, and its control API
		 * ({@code /simulator/...}) needs none: listen on loopback unless you must.
		 * @param host an IP address or host name
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder host(String host) {
			Assert.hasText(host, "host must not be empty");
			this.host = host;
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
