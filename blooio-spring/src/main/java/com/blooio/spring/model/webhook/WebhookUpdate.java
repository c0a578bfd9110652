package com.blooio.spring.model.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Changes to a webhook subscription; fields left {@code null} are not sent. Immutable;
 * each method returns a copy: <pre class="code">
 * WebhookUpdate.of().type(WebhookType.ALL).neverExpires().deprecate(false)
 * </pre>
 *
 * @param webhookType the new event type, or {@code null} to keep it
 * @param validUntil the new expiry in epoch milliseconds ({@code -1} for never), or
 * {@code null} to keep it
 * @param deprecate {@code true} pauses delivery, {@code false} resumes it, {@code null}
 * keeps it
 * @since 0.1.0
 */
public record WebhookUpdate(@Nullable WebhookType webhookType, @Nullable Long validUntil, @Nullable Boolean deprecate) {

	/**
	 * Validates the update.
	 * @param webhookType the event type
	 * @param validUntil the expiry
	 * @param deprecate whether to pause delivery
	 */
	public WebhookUpdate {
		Assert.isTrue(validUntil == null || validUntil == Webhook.NEVER_EXPIRES || validUntil >= 0,
				"validUntil must be -1 (never) or epoch milliseconds");
	}

	/**
	 * Returns an update that changes nothing yet.
	 * @return the update
	 */
	public static WebhookUpdate of() {
		return new WebhookUpdate(null, null, null);
	}

	/**
	 * Returns a copy that changes the event type.
	 * @param type the event type
	 * @return the update
	 */
	public WebhookUpdate type(WebhookType type) {
		Assert.notNull(type, "type must not be null");
		return new WebhookUpdate(type, this.validUntil, this.deprecate);
	}

	/**
	 * Returns a copy that lets the subscription expire at the given time.
	 * @param validUntil the expiry
	 * @return the update
	 */
	public WebhookUpdate validUntil(Instant validUntil) {
		Assert.notNull(validUntil, "validUntil must not be null");
		return new WebhookUpdate(this.webhookType, validUntil.toEpochMilli(), this.deprecate);
	}

	/**
	 * Returns a copy that makes the subscription never expire ({@code valid_until: -1}).
	 * @return the update
	 */
	public WebhookUpdate neverExpires() {
		return new WebhookUpdate(this.webhookType, Webhook.NEVER_EXPIRES, this.deprecate);
	}

	/**
	 * Returns a copy that pauses ({@code true}) or resumes ({@code false}) delivery.
	 * Pausing keeps the delivery logs for a later replay.
	 * @param deprecate whether to pause delivery
	 * @return the update
	 */
	public WebhookUpdate deprecate(boolean deprecate) {
		return new WebhookUpdate(this.webhookType, this.validUntil, deprecate);
	}

	/**
	 * Returns whether the update changes anything.
	 * @return whether at least one field is set
	 */
	@JsonIgnore
	public boolean isEmpty() {
		return this.webhookType == null && this.validUntil == null && this.deprecate == null;
	}

}
