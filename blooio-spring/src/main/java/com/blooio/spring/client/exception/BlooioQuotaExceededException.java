package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * A Blooio quota is used up (HTTP 429 with {@code outbound_limit_reached} or
 * {@code new_conversation_limit_reached}). Never retried automatically: retrying cannot
 * help until the cap resets.
 *
 * @since 0.1.0
 */
public class BlooioQuotaExceededException extends BlooioApiException {

	/** The organization's cap on new contacts was reached. */
	public static final String OUTBOUND_LIMIT_REACHED = "outbound_limit_reached";

	/** The shared plan's daily cap on new conversations was reached. */
	public static final String NEW_CONVERSATION_LIMIT_REACHED = "new_conversation_limit_reached";

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioQuotaExceededException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	/**
	 * Returns the cap that was reached: {@code limit} for the outbound limit, {@code cap}
	 * for the new-conversation limit.
	 * @return the cap, or {@code null}
	 */
	public @Nullable Long getLimit() {
		Long limit = getError().contextNumber("limit");
		return (limit != null) ? limit : getError().contextNumber("cap");
	}

	/**
	 * Returns how much of the cap is used.
	 * @return the {@code current} count, or {@code null}
	 */
	public @Nullable Long getCurrent() {
		return getError().contextNumber("current");
	}

	/**
	 * Returns how the outbound limit is counted, e.g. {@code per_number}.
	 * @return the {@code mode}, or {@code null}
	 */
	public @Nullable String getMode() {
		return getError().contextString("mode");
	}

	/**
	 * Returns the number whose cap was reached (per-number mode).
	 * @return the {@code sender_number}, or {@code null}
	 */
	public @Nullable String getSenderNumber() {
		return getError().contextString("sender_number");
	}

	/**
	 * Returns the plan whose daily cap was reached.
	 * @return the {@code plan_id}, or {@code null}
	 */
	public @Nullable String getPlanId() {
		return getError().contextString("plan_id");
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
