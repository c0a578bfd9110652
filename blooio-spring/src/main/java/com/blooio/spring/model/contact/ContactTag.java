package com.blooio.spring.model.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A tag on a contact.
 * <p>
 * On the wire a tag is either an object {@code {tag, created_at}} or, inside a contact,
 * sometimes a plain string; both forms are read.
 *
 * @param tag the tag text
 * @param createdAt when the tag was added, or {@code null} when Blooio did not say
 * @since 0.1.0
 */
public record ContactTag(String tag, @Nullable Instant createdAt) {

	/**
	 * Creates a tag.
	 * @param tag the tag text
	 * @param createdAt when the tag was added, or {@code null}
	 */
	public ContactTag {
		Assert.hasText(tag, "tag must not be empty");
	}

	@JsonCreator
	static @Nullable ContactTag fromJson(@Nullable Object json) {
		if (json instanceof String tag) {
			return tag.isBlank() ? null : new ContactTag(tag, null);
		}
		if (json instanceof Map<?, ?> map) {
			Object tag = (map.get("tag") != null) ? map.get("tag") : map.get("name");
			if (tag instanceof String text && !text.isBlank()) {
				return new ContactTag(text, instant(map.get("created_at")));
			}
		}
		return null;
	}

	private static @Nullable Instant instant(@Nullable Object value) {
		if (value instanceof Number millis) {
			return Instant.ofEpochMilli(millis.longValue());
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return Instant.ofEpochMilli(Long.parseLong(text.trim()));
			}
			catch (NumberFormatException ex) {
				// not epoch millis, try ISO-8601
			}
			try {
				return OffsetDateTime.parse(text.trim()).toInstant();
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

}
