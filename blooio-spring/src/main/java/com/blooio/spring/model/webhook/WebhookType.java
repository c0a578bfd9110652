package com.blooio.spring.model.webhook;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which events a webhook subscription receives.
 * <p>
 * An open value: Blooio documents {@code message}, {@code status} and {@code all}, and
 * some of its material also mentions {@code poll}; any string is accepted and kept as is
 * (lower-cased). Compare with the constants, or read {@link #value()}.
 *
 * @param value the value as it appears on the wire
 * @since 0.1.0
 */
public record WebhookType(String value) {

	/** {@code message}: inbound and outbound message events. */
	public static final WebhookType MESSAGE = new WebhookType("message");

	/** {@code status}: outbound status changes only. */
	public static final WebhookType STATUS = new WebhookType("status");

	/** {@code all}: every event. */
	public static final WebhookType ALL = new WebhookType("all");

	/** {@code poll}: poll events (not in Blooio's v2 specification). */
	public static final WebhookType POLL = new WebhookType("poll");

	/**
	 * Creates a value, normalised to lower case.
	 * @param value the value as it appears on the wire
	 */
	public WebhookType {
		Assert.hasText(value, "value must not be empty");
		value = value.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the value for the given wire string.
	 * @param value the value as it appears on the wire
	 * @return the value
	 */
	public static WebhookType of(String value) {
		return new WebhookType(value);
	}

	@JsonCreator
	static @Nullable WebhookType fromJson(@Nullable String value) {
		return (value != null && !value.isBlank()) ? new WebhookType(value) : null;
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
