package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * The resource already exists or the request conflicts with its state (HTTP 409), for
 * example creating a contact or group that already exists. Not retried: repeating the
 * request conflicts again.
 * <p>
 * Blooio's documentation disagrees on the body of a duplicate contact: an error envelope
 * or the existing contact. When it is the contact, its fields are in the
 * {@link #getContext() context}, and {@link #getExistingContactId()} and
 * {@link #getExistingIdentifier()} read them.
 *
 * @since 0.1.0
 */
public class BlooioConflictException extends BlooioApiException {

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioConflictException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	/**
	 * Returns the internal id of the contact that already exists, when Blooio answered
	 * with the existing contact.
	 * @return the {@code contact_id}, or {@code null}
	 */
	public @Nullable String getExistingContactId() {
		return getError().contextString("contact_id");
	}

	/**
	 * Returns the identifier of the contact that already exists, when Blooio answered
	 * with the existing contact.
	 * @return the {@code identifier}, or {@code null}
	 */
	public @Nullable String getExistingIdentifier() {
		return getError().contextString("identifier");
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
