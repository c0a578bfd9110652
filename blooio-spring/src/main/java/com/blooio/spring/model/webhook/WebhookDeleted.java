package com.blooio.spring.model.webhook;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to permanently deleting a webhook subscription.
 *
 * @param success whether Blooio reported success
 * @param message Blooio's note, or {@code null}
 */
public record WebhookDeleted(boolean success, @Nullable String message) {

}
