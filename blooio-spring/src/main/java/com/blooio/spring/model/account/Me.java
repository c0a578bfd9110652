package com.blooio.spring.model.account;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.model.message.Message;

/**
 * The authentication context of your API key. Blooio echoes the key in this response
 * ({@link #apiKey()}); {@link #toString()} never prints it, and writing the answer as
 * JSON leaves it out.
 *
 * @param authType {@code api_key} or {@code dashboard}
 * @param valid whether the credentials are valid
 * @param userId dashboard user id, or {@code null}
 * @param apiKey the API key the call was made with (API key authentication only), or
 * {@code null}; a secret, never log it
 * @param organizationId your organization id
 * @param organization your organization
 * @param metadata free-form key metadata, never {@code null}
 * @param integrationDetails integration details, or {@code null}
 * @param devices your sender numbers and their state, never {@code null}
 * @param usage message counters, or {@code null}
 * @since 0.1.0
 */
public record Me(@Nullable String authType, @Nullable Boolean valid, @Nullable String userId,
		@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Nullable String apiKey, @Nullable String organizationId,
		@Nullable Organization organization, Map<String, Object> metadata,
		@Nullable Map<String, Object> integrationDetails, List<AccountNumber> devices, @Nullable Usage usage) {

	/**
	 * Normalises the collections.
	 * @param authType authentication type
	 * @param valid whether valid
	 * @param userId dashboard user id
	 * @param apiKey the API key
	 * @param organizationId organization id
	 * @param organization organization
	 * @param metadata metadata
	 * @param integrationDetails integration details
	 * @param devices devices
	 * @param usage usage
	 */
	public Me {
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : Map.of();
		devices = BlooioJson.listOf(devices);
	}

	/**
	 * Creates an answer without the API key, as before Blooio's document listed it.
	 * @param authType authentication type
	 * @param valid whether valid
	 * @param userId dashboard user id
	 * @param organizationId organization id
	 * @param organization organization
	 * @param metadata metadata
	 * @param integrationDetails integration details
	 * @param devices devices
	 * @param usage usage
	 */
	public Me(@Nullable String authType, @Nullable Boolean valid, @Nullable String userId,
			@Nullable String organizationId, @Nullable Organization organization, Map<String, Object> metadata,
			@Nullable Map<String, Object> integrationDetails, List<AccountNumber> devices, @Nullable Usage usage) {
		this(authType, valid, userId, null, organizationId, organization, metadata, integrationDetails, devices, usage);
	}

	@Override
	public String toString() {
		return "Me[authType=" + this.authType + ", valid=" + this.valid + ", userId=" + this.userId + ", apiKey="
				+ ((this.apiKey != null) ? "[REDACTED]" : null) + ", organizationId=" + this.organizationId
				+ ", organization=" + this.organization + ", metadata=" + this.metadata + ", integrationDetails="
				+ this.integrationDetails + ", devices=" + this.devices + ", usage=" + this.usage + "]";
	}

	/**
	 * An organization.
	 *
	 * @param organizationId organization id
	 * @param name organization name
	 * @param countryCode country code, or {@code null}
	 * @param createdAt when it was created
	 */
	public record Organization(@Nullable String organizationId, @Nullable String name, @Nullable String countryCode,
			@Nullable Instant createdAt) {

	}

	/**
	 * Message counters.
	 *
	 * @param inboundMessages inbound messages
	 * @param outboundMessages outbound messages
	 * @param lastMessageSent when the last message was sent, or {@code null}
	 */
	public record Usage(@Nullable Long inboundMessages, @Nullable Long outboundMessages,
			@Nullable Instant lastMessageSent) {

	}

}
