package com.blooio.spring.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to a delete ({@code DeleteResponse}), shared by every resource that can
 * be deleted: contacts, contact tags, groups, webhooks and the like. Several of these
 * deletes are soft deletes on Blooio's side; {@link #deletedAt()} is when it happened.
 *
 * @param success whether Blooio reported success
 * @param deletedAt when the resource was deleted, or {@code null} when Blooio did not say
 * @since 0.1.0
 */
public record DeleteResult(boolean success, @Nullable Instant deletedAt) {

}
