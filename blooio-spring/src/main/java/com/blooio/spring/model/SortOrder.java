package com.blooio.spring.model;

/**
 * Sort order of messages by time.
 *
 * @since 0.1.0
 */
public enum SortOrder {

	/** Oldest first. */
	ASC,

	/** Newest first. */
	DESC;

	/**
	 * Returns the value used on the wire.
	 * @return {@code asc} or {@code desc}
	 */
	public String wireValue() {
		return (this == ASC) ? "asc" : "desc";
	}

}
