package com.blooio.spring.test.simulator.internal.v4;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import com.blooio.spring.test.simulator.ReceivedRequest;
import com.blooio.spring.test.simulator.V4Envelope;
import com.blooio.spring.test.simulator.WebhookDeliveryRecord;
import com.blooio.spring.test.simulator.internal.Ids;

/**
 * The v4 part of the simulator, and the one way into this package: the handlers of
 * {@code /v4} and of the safety control commands, the event feed every simulated event is
 * recorded in (whether or not a delivery succeeds), and the v4 webhook deliveries.
 * <p>
 * Not API: public only so that the engine can wire it in.
 */
public final class V4Api implements AutoCloseable {

	/** Where the v4 API is served. */
	public static final String BASE_PATH = "/v4";

	/** Where the safety control commands are served. */
	public static final String SAFETY_CONTROL_PATH = SafetyControlHandler.PATH;

	private static final Set<String> SAFETY_ACTIONS = Set.of("none", "queue", "slow", "pause_new", "reply_only",
			"review");

	private static final Set<String> ALLOCATION_TYPES = Set.of("dedicated", "shared");

	private final String number;

	private final V4State state = new V4State();

	private final Envelopes envelopes;

	private final V4Dispatcher dispatcher;

	private final V4Handler handler;

	/**
	 * Creates the v4 part.
	 * @param settings how to reach the rest of the simulator
	 */
	public V4Api(Settings settings) {
		this.number = settings.number();
		this.envelopes = new Envelopes(settings.organizationId());
		this.dispatcher = new V4Dispatcher(this.state, this.envelopes, settings.webhookMaxAttempts(),
				settings.webhookRetryDelay(), settings.duplicateWebhooks(), settings.attempts());
		this.handler = new V4Handler(settings.apiKey(), V4Routes.create(new WebhooksV4Api(this.state, this.dispatcher),
				new EventsV4Api(this.state, settings.messageExists())), settings.requests());
	}

	/**
	 * Returns the handler of {@link #BASE_PATH}.
	 * @return the handler
	 */
	public HttpHandler apiHandler() {
		return this.handler;
	}

	/**
	 * Returns the handler of {@link #SAFETY_CONTROL_PATH}.
	 * @return the handler
	 */
	public HttpHandler safetyControlHandler() {
		return new SafetyControlHandler(this);
	}

	/**
	 * Records a message event given as its v2 webhook payload, and delivers it to the
	 * subscriptions that want it. The event's {@code data} is that payload with
	 * {@code chat_id} (its {@code external_id}) and without {@code event}.
	 * @param payload the v2 payload
	 * @return the event id
	 */
	public String messageEvent(Map<String, Object> payload) {
		String type = String.valueOf(payload.get("event"));
		String messageId = String.valueOf(payload.get("message_id"));
		String chatId = String.valueOf(payload.get("external_id"));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("message_id", messageId);
		data.put("chat_id", chatId);
		payload.forEach((field, value) -> {
			if (!field.equals("event")) {
				data.putIfAbsent(field, value);
			}
		});
		Object timestamp = payload.get("timestamp");
		long at = (timestamp instanceof Long millis) ? millis : System.currentTimeMillis();
		return publish(type, messageId, chatId, at, data);
	}

	/**
	 * Records and delivers {@code safety.state_changed}.
	 * @param phoneNumber the sending number, or {@code null} for the account's
	 * @param tier the warm-up tier now
	 * @param previousTier the tier before
	 * @param action the safety action now
	 * @param previousAction the action before
	 * @param reasons why
	 * @return the event id
	 * @throws IllegalArgumentException if an action is not one of Blooio's
	 */
	public String safetyStateChanged(@Nullable String phoneNumber, String tier, String previousTier, String action,
			String previousAction, List<String> reasons) {
		Assert.hasText(tier, "tier must not be empty");
		Assert.hasText(previousTier, "previousTier must not be empty");
		Assert.isTrue(SAFETY_ACTIONS.contains(action) && SAFETY_ACTIONS.contains(previousAction),
				() -> "action and previousAction must be one of " + SAFETY_ACTIONS);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("tier", tier);
		data.put("previous_tier", previousTier);
		data.put("action", action);
		data.put("previous_action", previousAction);
		data.put("reasons", List.copyOf(reasons));
		data.put("phone_number", (phoneNumber != null) ? phoneNumber : this.number);
		return publish("safety.state_changed", null, null, System.currentTimeMillis(), data);
	}

	/**
	 * Records and delivers {@code safety.number_banned}.
	 * @param phoneNumber the banned number
	 * @param allocationType {@code dedicated} or {@code shared}
	 * @return the event id
	 * @throws IllegalArgumentException if the allocation type is neither
	 */
	public String numberBanned(String phoneNumber, String allocationType) {
		Assert.hasText(phoneNumber, "phoneNumber must not be empty");
		Assert.isTrue(ALLOCATION_TYPES.contains(allocationType), "allocationType must be dedicated or shared");
		long now = System.currentTimeMillis();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("channel_id", "ch_" + Integer.toHexString(phoneNumber.hashCode()));
		data.put("phone_number", phoneNumber);
		data.put("allocation_type", allocationType);
		data.put("banned_at", now);
		return publish("safety.number_banned", null, null, now, data);
	}

	private String publish(String type, @Nullable String messageId, @Nullable String chatId, long at,
			Map<String, Object> data) {
		Recorded recorded = this.state.locked(() -> {
			V4Event event = new V4Event(this.state.nextSequence(), Ids.eventId(), type, messageId, chatId, at, data);
			return new Recorded(event, this.state.record(event));
		});
		this.dispatcher.publish(recorded.event(), recorded.targets());
		return recorded.event().id();
	}

	/**
	 * Returns the shape of delivered envelopes.
	 * @return the shape
	 */
	public V4Envelope envelope() {
		return this.envelopes.shape();
	}

	/**
	 * Selects the shape of delivered envelopes.
	 * @param shape the shape
	 */
	public void envelope(V4Envelope shape) {
		this.envelopes.shape(shape);
	}

	/**
	 * Forgets subscriptions, events and attempts, drops pending deliveries and restores
	 * the default envelope.
	 */
	public void reset() {
		this.dispatcher.reset();
		this.envelopes.reset();
		this.state.clear();
	}

	/**
	 * Stops the deliveries.
	 */
	@Override
	public void close() {
		this.dispatcher.close();
	}

	private record Recorded(V4Event event, List<V4Subscription> targets) {

	}

	/**
	 * How the v4 part reaches the rest of the simulator.
	 *
	 * @param apiKey the API key accepted
	 * @param number the account's sending number
	 * @param organizationId the organization id of the guides' envelope
	 * @param webhookMaxAttempts how many times a webhook is attempted in all
	 * @param webhookRetryDelay the wait before a failed attempt is repeated
	 * @param duplicateWebhooks whether every webhook is delivered twice now
	 * @param messageExists whether a chat holds a message, by chat id and message id
	 * @param requests where to record requests received
	 * @param attempts where to record delivery attempts
	 */
	public record Settings(String apiKey, String number, String organizationId, int webhookMaxAttempts,
			Duration webhookRetryDelay, BooleanSupplier duplicateWebhooks, BiPredicate<String, String> messageExists,
			Consumer<ReceivedRequest> requests, Consumer<WebhookDeliveryRecord> attempts) {

		@Override
		public String toString() {
			return "Settings[number=" + this.number + "]";
		}

	}

}
