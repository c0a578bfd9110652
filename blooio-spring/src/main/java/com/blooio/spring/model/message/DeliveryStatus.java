package com.blooio.spring.model.message;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Status of a message as Blooio reports it (REST status or webhook status).
 * <p>
 * An open value: Blooio adds values over time, so any string is accepted and kept as is
 * (lower-cased). Compare with the constants, or read {@link #value()}.
 *
 * @param value the value as it appears on the wire
 * @since 0.1.0
 */
public record DeliveryStatus(String value) {

	/** {@code pending}. */
	public static final DeliveryStatus PENDING = new DeliveryStatus("pending");

	/** {@code queued}. */
	public static final DeliveryStatus QUEUED = new DeliveryStatus("queued");

	/** {@code sent}. */
	public static final DeliveryStatus SENT = new DeliveryStatus("sent");

	/** {@code delivered}. */
	public static final DeliveryStatus DELIVERED = new DeliveryStatus("delivered");

	/** {@code failed}. */
	public static final DeliveryStatus FAILED = new DeliveryStatus("failed");

	/** {@code read}. */
	public static final DeliveryStatus READ = new DeliveryStatus("read");

	/** {@code received}. */
	public static final DeliveryStatus RECEIVED = new DeliveryStatus("received");

	/** {@code cancellation_requested}. */
	public static final DeliveryStatus CANCELLATION_REQUESTED = new DeliveryStatus("cancellation_requested");

	/** {@code cancelled}. */
	public static final DeliveryStatus CANCELLED = new DeliveryStatus("cancelled");

	/**
	 * Creates a value, normalised to lower case.
	 * @param value the value as it appears on the wire
	 */
	public DeliveryStatus {
		Assert.hasText(value, "value must not be empty");
		value = value.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the value for the given wire string.
	 * @param value the value as it appears on the wire
	 * @return the value
	 */
	public static DeliveryStatus of(String value) {
		return new DeliveryStatus(value);
	}

	@JsonCreator
	static @Nullable DeliveryStatus fromJson(@Nullable String value) {
		return (value != null && !value.isBlank()) ? new DeliveryStatus(value) : null;
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
