package com.blooio.spring.model.message;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * iMessage screen or bubble effect applied to a sent message.
 * <p>
 * An open value: Blooio adds values over time, so any string is accepted and kept as is
 * (lower-cased). Compare with the constants, or read {@link #value()}.
 *
 * @param value the value as it appears on the wire
 * @since 0.1.0
 */
public record MessageEffect(String value) {

	/** {@code slam}. */
	public static final MessageEffect SLAM = new MessageEffect("slam");

	/** {@code loud}. */
	public static final MessageEffect LOUD = new MessageEffect("loud");

	/** {@code gentle}. */
	public static final MessageEffect GENTLE = new MessageEffect("gentle");

	/** {@code invisible-ink}. */
	public static final MessageEffect INVISIBLE_INK = new MessageEffect("invisible-ink");

	/** {@code echo}. */
	public static final MessageEffect ECHO = new MessageEffect("echo");

	/** {@code spotlight}. */
	public static final MessageEffect SPOTLIGHT = new MessageEffect("spotlight");

	/** {@code balloons}. */
	public static final MessageEffect BALLOONS = new MessageEffect("balloons");

	/** {@code confetti}. */
	public static final MessageEffect CONFETTI = new MessageEffect("confetti");

	/** {@code love}. */
	public static final MessageEffect LOVE = new MessageEffect("love");

	/** {@code lasers}. */
	public static final MessageEffect LASERS = new MessageEffect("lasers");

	/** {@code fireworks}. */
	public static final MessageEffect FIREWORKS = new MessageEffect("fireworks");

	/** {@code celebration}. */
	public static final MessageEffect CELEBRATION = new MessageEffect("celebration");

	/** {@code none}. */
	public static final MessageEffect NONE = new MessageEffect("none");

	/**
	 * Creates a value, normalised to lower case.
	 * @param value the value as it appears on the wire
	 */
	public MessageEffect {
		Assert.hasText(value, "value must not be empty");
		value = value.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the value for the given wire string.
	 * @param value the value as it appears on the wire
	 * @return the value
	 */
	public static MessageEffect of(String value) {
		return new MessageEffect(value);
	}

	@JsonCreator
	static @Nullable MessageEffect fromJson(@Nullable String value) {
		return (value != null && !value.isBlank()) ? new MessageEffect(value) : null;
	}

	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
