package com.blooio.spring.model.contact;

import org.jspecify.annotations.Nullable;

/**
 * Short reference to a contact, as embedded in chats, messages and group payloads.
 *
 * @param contactId Blooio's internal contact id
 * @param identifier phone number (E.164) or email address
 * @param name display name, or {@code null}
 * @since 0.1.0
 */
public record ContactRef(@Nullable String contactId, @Nullable String identifier, @Nullable String name) {

}
