package com.blooio.spring.delivery;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.client.exception.BlooioException;
import com.blooio.spring.model.message.DeliveryStatus;

/**
 * A tracked message reached no final status within the tracking timeout. The message may
 * still be delivered later; tracking it again, or listening for its status events, tells.
 * The message names the message id and the last status seen, never the chat (a phone
 * number or an email address).
 *
 * @since 0.1.0
 */
public class DeliveryTimeoutException extends BlooioException {

	private final String messageId;

	private final @Nullable DeliveryStatus lastStatus;

	private final Duration timeout;

	/**
	 * Creates an exception.
	 * @param messageId the tracked message
	 * @param lastStatus the last status seen, or {@code null} if none was seen
	 * @param timeout the timeout that passed
	 */
	public DeliveryTimeoutException(String messageId, @Nullable DeliveryStatus lastStatus, Duration timeout) {
		super("trackDelivery", "Message " + messageId + " reached no final status within " + timeout
				+ "; last status seen: " + ((lastStatus != null) ? lastStatus : "none"), null);
		this.messageId = messageId;
		this.lastStatus = lastStatus;
		this.timeout = timeout;
	}

	/**
	 * Returns the tracked message's id.
	 * @return the message id
	 */
	public String getMessageId() {
		return this.messageId;
	}

	/**
	 * Returns the last status seen for the message, by webhook or by polling.
	 * @return the last status, or {@code null} if none was seen
	 */
	public @Nullable DeliveryStatus getLastStatus() {
		return this.lastStatus;
	}

	/**
	 * Returns the timeout that passed.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Returns {@code true}: the message may still reach a final status.
	 * @return {@code true}
	 */
	@Override
	public boolean isTransient() {
		return true;
	}

}
