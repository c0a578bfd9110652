package com.blooio.spring.model.group;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to adding a group member (not yet available: Blooio answers 501).
 *
 * @param member the member, or {@code null}
 * @param contactCreated whether a contact was created for the member, or {@code null}
 * @param message Blooio's note, e.g. that the contact already was a member, or
 * {@code null}
 * @since 0.1.0
 */
public record GroupMembership(@Nullable GroupMember member, @Nullable Boolean contactCreated,
		@Nullable String message) {

}
