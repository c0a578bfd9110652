package com.blooio.spring.test.simulator;

/**
 * The shape of the v4 webhook bodies the simulator delivers, chosen with
 * {@link SimulatorSettings#v4Envelope(V4Envelope)}. Blooio describes two; a receiver
 * should accept both. In both the event's {@code id} ({@code evt_...}) is the one
 * {@code GET /v4/events} lists, and {@code data} carries the event's fields.
 *
 * @since 0.1.0
 */
public enum V4Envelope {

	/**
	 * Blooio's OpenAPI document ({@code Event}): {@code {"id", "type", "message_id",
	 * "chat_id", "channel_type", "occurred_at", "data"}}, {@code occurred_at} in epoch
	 * milliseconds. The default.
	 */
	DOCUMENT,

	/**
	 * Blooio's guides: {@code {"id", "type", "created_at", "organization_id", "data"}},
	 * {@code created_at} in epoch milliseconds.
	 */
	GUIDES

}
