package com.blooio.spring.model.chat;

/**
 * Sort order of chats.
 *
 * @since 0.1.0
 */
public enum ChatSort {

	/** Most recent activity first (Blooio's default). */
	RECENT,

	/** Oldest activity first. */
	OLDEST;

	/**
	 * Returns the value used on the wire.
	 * @return {@code recent} or {@code oldest}
	 */
	public String wireValue() {
		return (this == RECENT) ? "recent" : "oldest";
	}

}
