package com.blooio.spring.model.chat;

/**
 * Sort order of chats.
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
