package com.blooio.spring.model.contact;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * Which services a phone number or email can be reached on.
 *
 * @param contact the normalised phone or email
 * @param type {@code phone} or {@code email}
 * @param capabilities the services
 * @param lastChecked when Blooio last checked (cached server-side)
 * @since 0.1.0
 */
public record ContactCapabilities(@Nullable String contact, @Nullable String type, @Nullable Capabilities capabilities,
		@JsonAlias("lastChecked") @Nullable Instant lastChecked) {

	/**
	 * Returns whether the contact can receive iMessage.
	 * @return {@code true} if iMessage is supported
	 */
	public boolean supportsImessage() {
		return this.capabilities != null && Boolean.TRUE.equals(this.capabilities.imessage());
	}

	/**
	 * The services a contact supports.
	 *
	 * @param imessage iMessage
	 * @param sms SMS (phone numbers only)
	 * @param facetime FaceTime
	 */
	public record Capabilities(@Nullable Boolean imessage, @Nullable Boolean sms, @Nullable Boolean facetime) {

	}

}
