package com.blooio.spring.model.contact;

/**
 * Sort order of contacts.
 *
 * @since 0.1.0
 */
public enum ContactSort {

	/** Most recently active first (Blooio's default). */
	RECENT("recent"),

	/** Oldest first. */
	OLDEST("oldest"),

	/** By name, A to Z. */
	NAME_ASC("name_asc"),

	/** By name, Z to A. */
	NAME_DESC("name_desc");

	private final String wireValue;

	ContactSort(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * Returns the value used on the wire.
	 * @return {@code recent}, {@code oldest}, {@code name_asc} or {@code name_desc}
	 */
	public String wireValue() {
		return this.wireValue;
	}

}
