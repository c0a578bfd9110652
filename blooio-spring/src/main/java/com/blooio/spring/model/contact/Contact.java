package com.blooio.spring.model.contact;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.json.BlooioJson;

/**
 * A contact: a phone number or email address Blooio knows, with an optional name and
 * tags.
 *
 * @param id id to use in further calls; Blooio sets it to the identifier
 * @param contactId Blooio's internal contact id
 * @param identifier phone number (E.164) or email address
 * @param name display name, or {@code null}
 * @param type {@code phone} or {@code email}, or {@code null}
 * @param createdAt when the contact was created, or {@code null}
 * @param lastMessageTime time of the latest message with the contact, or {@code null}
 * @param tags the contact's tags, never {@code null}; Blooio may send them as strings or
 * as {@code {tag, created_at}} objects
 * @since 0.1.0
 */
public record Contact(@Nullable String id, @Nullable String contactId, @Nullable String identifier,
		@Nullable String name, @Nullable String type, @Nullable Instant createdAt, @Nullable Instant lastMessageTime,
		List<ContactTag> tags) {

	/**
	 * Normalises the tags.
	 * @param id id to use in further calls
	 * @param contactId internal contact id
	 * @param identifier phone number or email address
	 * @param name display name
	 * @param type {@code phone} or {@code email}
	 * @param createdAt creation time
	 * @param lastMessageTime time of the latest message
	 * @param tags the tags
	 */
	public Contact {
		tags = BlooioJson.listOf(tags);
	}

	/**
	 * Returns the tag texts.
	 * @return the tags without their timestamps
	 */
	public List<String> tagNames() {
		return this.tags.stream().map(ContactTag::tag).toList();
	}

}
