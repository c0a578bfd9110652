package com.blooio.spring.model.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One of your sender numbers (a device in {@code /me}, a number in {@code /me/numbers}).
 *
 * @param phoneNumber the number, E.164
 * @param isActive whether it can send now
 * @param lastActive when the device was last seen, or {@code null}
 * @param planKind {@code shared}, {@code dedicated}, {@code inbound} (reply-only),
 * {@code trial}, {@code 2fa}, or {@code null} (treat like dedicated)
 * @since 0.1.0
 */
public record AccountNumber(@Nullable String phoneNumber, @Nullable Boolean isActive, @Nullable Instant lastActive,
		@Nullable String planKind) {

	/**
	 * Returns whether the number is active.
	 * @return {@code true} if active
	 */
	public boolean active() {
		return Boolean.TRUE.equals(this.isActive);
	}

	/**
	 * Returns whether the number may only reply to contacts who wrote first.
	 * @return {@code true} for reply-only ({@code inbound}) numbers
	 */
	public boolean replyOnly() {
		return "inbound".equals(this.planKind);
	}

}
