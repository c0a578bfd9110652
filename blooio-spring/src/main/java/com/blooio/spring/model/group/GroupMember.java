package com.blooio.spring.model.group;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member of a group.
 *
 * @param id the membership id, or {@code null}
 * @param contactId Blooio's contact id, or {@code null}
 * @param identifier phone number (E.164) or email address, or {@code null}
 * @param name display name, or {@code null}
 * @param addedAt when the member was added, or {@code null}
 * @since 0.1.0
 */
public record GroupMember(@Nullable String id, @Nullable String contactId, @Nullable String identifier,
		@Nullable String name, @Nullable Instant addedAt) {

}
