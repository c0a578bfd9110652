package com.blooio.spring.model.message;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Delivery state of one message.
 *
 * @param messageId Blooio message id
 * @param chatId chat the message belongs to
 * @param direction inbound or outbound
 * @param status delivery status, or {@code null}
 * @param protocol service used, or {@code null}
 * @param timeSent when it was sent
 * @param timeDelivered when it was delivered, or {@code null}
 * @param error error description of a failed message, or {@code null}
 * @since 0.1.0
 */
public record MessageStatus(String messageId, @Nullable String chatId, @Nullable Direction direction,
		@Nullable DeliveryStatus status, @Nullable Protocol protocol, @Nullable Instant timeSent,
		@Nullable Instant timeDelivered, @Nullable String error) {

}
