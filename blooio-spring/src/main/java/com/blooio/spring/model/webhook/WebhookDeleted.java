package com.blooio.spring.model.webhook;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to permanently deleting a webhook subscription.
 *
 * @param success whether Blooio reported success
 * @param message Blooio's note, or {@code null}
 * @since 0.1.0
 */
public record WebhookDeleted(boolean success, @Nullable String message) {

}
