package com.blooio.spring.model.message;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Direction of a message relative to your Blooio account. An unknown value in a response
 * is read as {@code null}.
 *
 * @since 0.1.0
 */
public enum Direction {

	/** Sent by a contact to one of your numbers. */
	@JsonProperty("inbound")
	INBOUND,

	/** Sent from one of your numbers. */
	@JsonProperty("outbound")
	OUTBOUND;

	/**
	 * Returns the value used on the wire.
	 * @return {@code inbound} or {@code outbound}
	 */
	public String wireValue() {
		return (this == INBOUND) ? "inbound" : "outbound";
	}

}
