package com.blooio.spring.model.contact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a contact who shares their location with your number is.
 *
 * @param handle the contact's phone number or email, or {@code null}
 * @param coordinates the position, or {@code null}
 * @param status how fresh the position is, as Blooio sends it: e.g. {@code live},
 * {@code shallow}, {@code legacy}; or {@code null}
 * @param lastUpdated when the position was last updated, or {@code null}
 * @since 0.1.0
 */
public record ContactLocation(@Nullable String handle, @Nullable LocationCoordinates coordinates,
		@Nullable String status, @Nullable Instant lastUpdated) {

}
