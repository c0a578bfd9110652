package com.blooio.spring.webhook.event.safety;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * Apple banned one of your sending numbers ({@code safety.number_banned}, v4 only):
 * messages from it will not be delivered.
 *
 * @since 0.1.0
 */
public class BlooioSafetyNumberBannedEvent extends BlooioEvent {

	/** The event name. */
	public static final String TYPE = "safety.number_banned";

	private final @Nullable String channelId;

	private final @Nullable String phoneNumber;

	private final @Nullable String allocationType;

	private final @Nullable Instant bannedAt;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param channelId Blooio's id of the number's channel, or {@code null}
	 * @param phoneNumber the banned number, or {@code null}
	 * @param allocationType {@code dedicated} or {@code shared}, or {@code null}
	 * @param bannedAt when it was banned, or {@code null}
	 */
	public BlooioSafetyNumberBannedEvent(Object source, WebhookDelivery delivery, String json,
			@Nullable String channelId, @Nullable String phoneNumber, @Nullable String allocationType,
			@Nullable Instant bannedAt) {
		super(source, TYPE, delivery, json);
		this.channelId = channelId;
		this.phoneNumber = phoneNumber;
		this.allocationType = allocationType;
		this.bannedAt = bannedAt;
	}

	/**
	 * Returns Blooio's id of the banned number's channel.
	 * @return the channel id, e.g. {@code ch_...}, or {@code null}
	 */
	public @Nullable String getChannelId() {
		return this.channelId;
	}

	/**
	 * Returns the banned number.
	 * @return the number, or {@code null}
	 */
	public @Nullable String getPhoneNumber() {
		return this.phoneNumber;
	}

	/**
	 * Returns whether the number was yours alone ({@code dedicated}) or shared.
	 * @return {@code dedicated} or {@code shared}, or {@code null}
	 */
	public @Nullable String getAllocationType() {
		return this.allocationType;
	}

	/**
	 * Returns when the number was banned.
	 * @return the time, or {@code null}
	 */
	public @Nullable Instant getBannedAt() {
		return this.bannedAt;
	}

}
