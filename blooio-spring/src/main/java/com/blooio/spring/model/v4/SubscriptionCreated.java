package com.blooio.spring.model.v4;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A new v4 subscription and its signing secret, which Blooio shows only this once: keep
 * it where every instance of the application can read it. {@link #toString()} never
 * prints the secret, and writing this as JSON leaves it out.
 *
 * @param subscription the subscription
 * @param signingSecret the secret deliveries are signed with ({@code whsec_...})
 * @since 0.1.0
 */
public record SubscriptionCreated(Subscription subscription,
		@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String signingSecret) {

	@Override
	public String toString() {
		return "SubscriptionCreated{subscription=" + this.subscription + ", signingSecret=[REDACTED]}";
	}

}
