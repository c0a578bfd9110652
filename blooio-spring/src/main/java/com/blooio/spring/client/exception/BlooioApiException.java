package com.blooio.spring.client.exception;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Blooio answered with an error status. Carries the HTTP status, Blooio's machine
 * {@link #getCode() code} and its context fields. Branch on the subclass or on
 * {@link #getCode()}, never on the message.
 * <p>
 * Subclasses for cases that need their own handling:
 * <ul>
 * <li>{@link BlooioAuthenticationException}: 401, the API key was refused;</li>
 * <li>{@link BlooioQuotaExceededException}: 429 with a quota code, retrying will not help
 * until the cap resets;</li>
 * <li>{@link BlooioRateLimitedException}: 429 without a code, retried automatically;</li>
 * <li>{@link BlooioInboundOnlyException}: 403, a reply-only number may not start a
 * conversation;</li>
 * <li>{@link BlooioInvalidContentException}: 400 {@code invalid_content} or
 * {@code format_unsupported_for_channel_type}, the message's content or format was
 * refused;</li>
 * <li>{@link BlooioConflictException}: 409, e.g. the contact or group already
 * exists;</li>
 * <li>{@link BlooioNotYetAvailableException}: 501, the endpoint is announced but "coming
 * soon";</li>
 * <li>{@link BlooioWebhookCreationRetiredException}: 410, v2 no longer creates webhook
 * subscriptions for new URLs;</li>
 * <li>{@link BlooioNoActiveNumberException}: 404 without a body from the location
 * endpoints, the key has no active number;</li>
 * <li>{@link BlooioNoActiveDeviceException}: 503, no sender number is online.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public class BlooioApiException extends BlooioException {

	private final BlooioError error;

	private final @Nullable String idempotencyKey;

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioApiException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, describe(operation, error), null);
		this.error = error;
		this.idempotencyKey = idempotencyKey;
	}

	private static String describe(String operation, BlooioError error) {
		StringBuilder message = new StringBuilder("Blooio ").append(operation)
			.append(" failed with HTTP ")
			.append(error.status());
		if (error.code() != null) {
			message.append(" [").append(error.code()).append(']');
		}
		if (error.message() != null) {
			message.append(": ").append(error.message());
		}
		else if (error.error() != null) {
			message.append(": ").append(error.error());
		}
		// Numbers only: other context fields (sender_number, external_id) are personal
		// data
		error.context().forEach((name, value) -> {
			if (value instanceof Number) {
				message.append(", ").append(name).append('=').append(value);
			}
		});
		return message.toString();
	}

	/**
	 * Returns the error as Blooio sent it.
	 * @return the error
	 */
	public BlooioError getError() {
		return this.error;
	}

	/**
	 * Returns the HTTP status code.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.error.status();
	}

	/**
	 * Returns Blooio's stable machine code, e.g. {@code outbound_limit_reached}.
	 * @return the code, or {@code null} when Blooio sent none
	 */
	public @Nullable String getCode() {
		return this.error.code();
	}

	/**
	 * Returns Blooio's human-readable message.
	 * @return the message, or {@code null}
	 */
	public @Nullable String getApiMessage() {
		return this.error.message();
	}

	/**
	 * Returns the error's context fields ({@code limit}, {@code current}, ...).
	 * @return the context fields, never {@code null}
	 */
	public Map<String, @Nullable Object> getContext() {
		return this.error.context();
	}

	/**
	 * Returns the wait the {@code Retry-After} header asked for.
	 * @return the wait, or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.error.retryAfter();
	}

	/**
	 * Returns the {@code Idempotency-Key} the failed request carried. Sending again with
	 * the same key can never create a second message.
	 * @return the key, or {@code null} for requests without one
	 */
	public @Nullable String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	@Override
	public boolean isTransient() {
		int status = getStatusCode();
		return status == 408 || status == 425 || status == 429 || status == 500 || status == 502 || status == 504;
	}

}
