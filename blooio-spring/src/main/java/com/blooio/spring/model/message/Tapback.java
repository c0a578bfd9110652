package com.blooio.spring.model.message;

import java.util.Locale;

/**
 * The classic iMessage tapbacks. Emoji reactions are sent as plain strings instead.
 *
 * @since 0.1.0
 */
public enum Tapback {

	/** Heart. */
	LOVE,

	/** Thumbs up. */
	LIKE,

	/** Thumbs down. */
	DISLIKE,

	/** Ha ha. */
	LAUGH,

	/** Exclamation marks. */
	EMPHASIZE,

	/** Question mark. */
	QUESTION;

	/**
	 * Returns the value used on the wire.
	 * @return the lower-case name
	 */
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
