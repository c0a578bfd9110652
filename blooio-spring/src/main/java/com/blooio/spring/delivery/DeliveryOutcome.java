package com.blooio.spring.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.model.message.DeliveryStatus;

/**
 * The final status a sent message reached. A failed message is an outcome, not an error:
 * it is an answer Blooio gave, and callers usually branch on it (retry over SMS, tell the
 * user) rather than treat it as a fault of the call.
 *
 * @param messageId the message id
 * @param chatId the chat the message was tracked in
 * @param status {@link DeliveryStatus#DELIVERED}, {@link DeliveryStatus#READ},
 * {@link DeliveryStatus#FAILED} or {@link DeliveryStatus#CANCELLED}
 * @param at when Blooio says the status was reached (delivery or read time, or the
 * event's time), or {@code null} when it did not say
 * @param errorCode why a failed message failed, as a code; only status webhooks carry it,
 * otherwise {@code null}
 * @param errorMessage why a failed message failed, in words, or {@code null}
 * @since 0.1.0
 */
public record DeliveryOutcome(String messageId, String chatId, DeliveryStatus status, @Nullable Instant at,
		@Nullable String errorCode, @Nullable String errorMessage) {

	/**
	 * Returns whether the message reached the recipient: delivered, or read (which
	 * implies delivered).
	 * @return {@code true} for {@code delivered} and {@code read}
	 */
	public boolean isDelivered() {
		return DeliveryStatus.DELIVERED.equals(this.status) || DeliveryStatus.READ.equals(this.status);
	}

	DeliveryOutcome inChat(String chatId) {
		return chatId.equals(this.chatId) ? this
				: new DeliveryOutcome(this.messageId, chatId, this.status, this.at, this.errorCode, this.errorMessage);
	}

}
