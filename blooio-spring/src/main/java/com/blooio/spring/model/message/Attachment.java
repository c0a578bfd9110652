package com.blooio.spring.model.message;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A file attached to a message: a public URL Blooio fetches, with an optional file name.
 * <p>
 * On the wire an attachment is either a plain URL string or an object {@code {url,
 * name}}; both forms are read, and an attachment without a name is written as a plain
 * string.
 *
 * @param url public URL of the file
 * @param name file name shown to the recipient, or {@code null}
 * @since 0.1.0
 */
public record Attachment(String url, @Nullable String name) {

	/**
	 * Creates an attachment.
	 * @param url public URL of the file
	 * @param name file name shown to the recipient, or {@code null}
	 */
	public Attachment {
		Assert.hasText(url, "Attachment url must not be empty");
	}

	/**
	 * Returns an attachment without a file name.
	 * @param url public URL of the file
	 * @return the attachment
	 */
	public static Attachment of(String url) {
		return new Attachment(url, null);
	}

	/**
	 * Returns an attachment with a file name.
	 * @param url public URL of the file
	 * @param name file name shown to the recipient
	 * @return the attachment
	 */
	public static Attachment of(String url, String name) {
		return new Attachment(url, name);
	}

	@JsonCreator
	static @Nullable Attachment fromJson(@Nullable Object json) {
		if (json instanceof String url) {
			return url.isBlank() ? null : of(url);
		}
		if (json instanceof Map<?, ?> map && map.get("url") instanceof String url && !url.isBlank()) {
			return new Attachment(url, (map.get("name") instanceof String name) ? name : null);
		}
		return null;
	}

	@JsonValue
	Object toJson() {
		if (this.name == null) {
			return this.url;
		}
		Map<String, String> json = new LinkedHashMap<>();
		json.put("url", this.url);
		json.put("name", this.name);
		return json;
	}

}
