package com.blooio.spring.model.contact;

import org.jspecify.annotations.Nullable;

/**
 * How a number's contact card (Name &amp; Photo) is shared. Read from and sent to
 * {@code /me/numbers/{number}/contact-card}; a {@code null} field is left unchanged on
 * update.
 *
 * @param enabled whether sharing is on, or {@code null}
 * @param audience {@code 0} = contacts only, {@code 1} = always ask, or {@code null}
 * @param nameFormat {@code 0} = first and last name, {@code 1} = first name only, or
 * {@code null}
 * @since 0.1.0
 */
public record ContactCardSharing(@Nullable Boolean enabled, @Nullable Integer audience, @Nullable Integer nameFormat) {

	/** Audience value: share with contacts only. */
	public static final int AUDIENCE_CONTACTS_ONLY = 0;

	/** Audience value: always ask. */
	public static final int AUDIENCE_ALWAYS_ASK = 1;

	/** Name format value: first and last name. */
	public static final int NAME_FORMAT_FIRST_AND_LAST = 0;

	/** Name format value: first name only. */
	public static final int NAME_FORMAT_FIRST_ONLY = 1;

}
