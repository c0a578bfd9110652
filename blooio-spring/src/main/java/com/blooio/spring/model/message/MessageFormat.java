package com.blooio.spring.model.message;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How Blooio reads the text of a sent message ({@code format}).
 * <p>
 * {@link #PLAIN} (Blooio's default) sends the text exactly as given. {@link #MARKDOWN}
 * turns {@code **bold**}, {@code *italic*}, {@code ++underline++} and {@code ~~strike~~}
 * into iMessage rich text; everything else Markdown can express is sent literally.
 * Markdown is accepted on iMessage channels only (Blooio answers HTTP 400
 * {@code format_unsupported_for_channel_type} elsewhere) and not together with
 * attachments.
 * <p>
 * An open value: any string is accepted and kept as is (lower-cased). Compare with the
 * constants, or read {@link #value()}.
 *
 * @param value the value as it appears on the wire
 * @since 0.1.0
 */
public record MessageFormat(String value) {

	/** {@code plain}: the text as given (Blooio's default). */
	public static final MessageFormat PLAIN = new MessageFormat("plain");

	/** {@code markdown}: bold, italic, underline and strikethrough as rich text. */
	public static final MessageFormat MARKDOWN = new MessageFormat("markdown");

	/**
	 * Creates a value, normalised to lower case.
	 * @param value the value as it appears on the wire
	 */
	public MessageFormat {
		Assert.hasText(value, "value must not be empty");
		value = value.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the value for the given wire string.
	 * @param value the value as it appears on the wire
	 * @return the value
	 */
	public static MessageFormat of(String value) {
		return new MessageFormat(value);
	}

	@JsonCreator
	static @Nullable MessageFormat fromJson(@Nullable String value) {
		return (value != null && !value.isBlank()) ? new MessageFormat(value) : null;
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
