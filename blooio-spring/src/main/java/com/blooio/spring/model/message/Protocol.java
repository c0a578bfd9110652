package com.blooio.spring.model.message;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Service a message travelled over.
 * <p>
 * An open value: Blooio adds values over time, so any string is accepted and kept as is
 * (lower-cased). Compare with the constants, or read {@link #value()}.
 *
 * @param value the value as it appears on the wire
 * @since 0.1.0
 */
public record Protocol(String value) {

	/** {@code imessage}. */
	public static final Protocol IMESSAGE = new Protocol("imessage");

	/** {@code sms}. */
	public static final Protocol SMS = new Protocol("sms");

	/** {@code rcs}. */
	public static final Protocol RCS = new Protocol("rcs");

	/** {@code non-imessage}. */
	public static final Protocol NON_IMESSAGE = new Protocol("non-imessage");

	/** {@code pending}. */
	public static final Protocol PENDING = new Protocol("pending");

	/** {@code unknown}. */
	public static final Protocol UNKNOWN = new Protocol("unknown");

	/**
	 * Creates a value, normalised to lower case.
	 * @param value the value as it appears on the wire
	 */
	public Protocol {
		Assert.hasText(value, "value must not be empty");
		value = value.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the value for the given wire string.
	 * @param value the value as it appears on the wire
	 * @return the value
	 */
	public static Protocol of(String value) {
		return new Protocol(value);
	}

	@JsonCreator
	static @Nullable Protocol fromJson(@Nullable String value) {
		return (value != null && !value.isBlank()) ? new Protocol(value) : null;
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
