package com.blooio.spring.model.v4;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A v4 subscription's new signing secret, in effect at once. {@link #toString()} never
 * prints it, and writing this as JSON leaves it out.
 *
 * @param id the subscription id
 * @param signingSecret the new secret
 * @since 0.1.0
 */
public record SecretRotation(String id, @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String signingSecret) {

	@Override
	public String toString() {
		return "SecretRotation{id=" + this.id + ", signingSecret=[REDACTED]}";
	}

}
