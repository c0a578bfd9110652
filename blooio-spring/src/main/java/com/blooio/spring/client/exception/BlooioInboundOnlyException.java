package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * A reply-only ({@code inbound} plan) number may not message a contact or group that
 * never wrote to it first (HTTP 403 {@code inbound_only_no_prior_inbound}).
 *
 * @since 0.1.0
 */
public class BlooioInboundOnlyException extends BlooioApiException {

	/** Blooio's code for this error. */
	public static final String CODE = "inbound_only_no_prior_inbound";

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioInboundOnlyException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	/**
	 * Returns the allocation of the reply-only number.
	 * @return the {@code allocation_id}, or {@code null}
	 */
	public @Nullable String getAllocationId() {
		return getError().contextString("allocation_id");
	}

	/**
	 * Returns the contact or group that has not written first.
	 * @return the {@code external_id}, or {@code null}
	 */
	public @Nullable String getExternalId() {
		return getError().contextString("external_id");
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
