package com.blooio.spring.webhook.event.safety;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * A sending number's warm-up tier or safety action changed ({@code safety.state_changed},
 * v4 only). Watch {@link #getAction()}: when it {@link SafetyAction#pausesSending()
 * pauses sending}, some messages will not go out until it changes back.
 *
 * @since 0.1.0
 */
public class BlooioSafetyStateChangedEvent extends BlooioEvent {

	/** The event name. */
	public static final String TYPE = "safety.state_changed";

	private final @Nullable String phoneNumber;

	private final @Nullable String tier;

	private final @Nullable String previousTier;

	private final @Nullable SafetyAction action;

	private final @Nullable SafetyAction previousAction;

	private final List<String> reasons;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param phoneNumber the sending number, or {@code null} when the event names none
	 * @param tier the warm-up tier now, or {@code null}
	 * @param previousTier the warm-up tier before, or {@code null}
	 * @param action the safety action now, or {@code null}
	 * @param previousAction the safety action before, or {@code null}
	 * @param reasons why, as Blooio words it; empty when the event gives none
	 */
	public BlooioSafetyStateChangedEvent(Object source, WebhookDelivery delivery, String json,
			@Nullable String phoneNumber, @Nullable String tier, @Nullable String previousTier,
			@Nullable SafetyAction action, @Nullable SafetyAction previousAction, List<String> reasons) {
		super(source, TYPE, delivery, json);
		this.phoneNumber = phoneNumber;
		this.tier = tier;
		this.previousTier = previousTier;
		this.action = action;
		this.previousAction = previousAction;
		this.reasons = List.copyOf(reasons);
	}

	/**
	 * Returns the sending number the change is about.
	 * @return the number, or {@code null} when the event names none
	 */
	public @Nullable String getPhoneNumber() {
		return this.phoneNumber;
	}

	/**
	 * Returns the warm-up tier now.
	 * @return the tier, or {@code null}
	 */
	public @Nullable String getTier() {
		return this.tier;
	}

	/**
	 * Returns the warm-up tier before the change.
	 * @return the tier, or {@code null}
	 */
	public @Nullable String getPreviousTier() {
		return this.previousTier;
	}

	/**
	 * Returns the safety action now.
	 * @return the action, or {@code null}
	 */
	public @Nullable SafetyAction getAction() {
		return this.action;
	}

	/**
	 * Returns the safety action before the change.
	 * @return the action, or {@code null}
	 */
	public @Nullable SafetyAction getPreviousAction() {
		return this.previousAction;
	}

	/**
	 * Returns why the state changed.
	 * @return the reasons; empty when the event gives none
	 */
	public List<String> getReasons() {
		return this.reasons;
	}

}
