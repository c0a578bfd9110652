package com.blooio.spring.model.group;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to removing a group member (not yet available: Blooio answers 501).
 *
 * @param success whether the member was removed, or {@code null}
 * @param removedAt when the member was removed, or {@code null}
 * @since 0.1.0
 */
public record GroupMemberRemoved(@Nullable Boolean success, @Nullable Instant removedAt) {

}
