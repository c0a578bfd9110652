package com.blooio.spring.webhook.event.safety;

import java.util.Locale;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * What Blooio's messaging safety does with a sending number's traffic. An open set:
 * values Blooio adds later are kept as they are.
 *
 * @param value the value as it appears on the wire, lower case
 * @since 0.1.0
 */
public record SafetyAction(String value) {

	/** {@code none}: no restriction. */
	public static final SafetyAction NONE = new SafetyAction("none");

	/** {@code queue}: sends are queued. */
	public static final SafetyAction QUEUE = new SafetyAction("queue");

	/** {@code slow}: sends are slowed down. */
	public static final SafetyAction SLOW = new SafetyAction("slow");

	/** {@code pause_new}: no new conversations. */
	public static final SafetyAction PAUSE_NEW = new SafetyAction("pause_new");

	/** {@code reply_only}: only replies to contacts who wrote first. */
	public static final SafetyAction REPLY_ONLY = new SafetyAction("reply_only");

	/** {@code review}: sending stopped pending review. */
	public static final SafetyAction REVIEW = new SafetyAction("review");

	private static final Set<String> PAUSING = Set.of(PAUSE_NEW.value, REPLY_ONLY.value, REVIEW.value);

	/**
	 * Creates a value, normalised to lower case.
	 * @param value the value as it appears on the wire
	 */
	public SafetyAction {
		Assert.hasText(value, "value must not be empty");
		value = value.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the value for the given wire string.
	 * @param value the value as it appears on the wire
	 * @return the value
	 */
	public static SafetyAction of(String value) {
		return new SafetyAction(value);
	}

	/**
	 * Returns whether this action stops some sends outright ({@code pause_new},
	 * {@code reply_only}, {@code review}), as opposed to delaying them.
	 * @return {@code true} if some sends are paused
	 */
	public boolean pausesSending() {
		return PAUSING.contains(this.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
