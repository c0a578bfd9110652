package com.blooio.spring.model.contact;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to a contact card update.
 *
 * @param success whether Blooio reported success, or {@code null}
 * @param phoneNumber the number, E.164, or {@code null}
 * @param firstName the first name now on the card, or {@code null}
 * @param lastName the last name now on the card, or {@code null}
 * @since 0.1.0
 */
public record ContactCardUpdated(@Nullable Boolean success, @Nullable String phoneNumber, @Nullable String firstName,
		@Nullable String lastName) {

}
