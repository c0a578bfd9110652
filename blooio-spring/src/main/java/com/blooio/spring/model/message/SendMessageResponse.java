package com.blooio.spring.model.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import com.blooio.spring.json.BlooioJson;

/**
 * Blooio's answer to a send: the message is queued, not yet delivered.
 *
 * @param messageId id of the message for a single send, otherwise {@code null}
 * @param messageIds ids of the messages for a fan-out (several texts, link-preview
 * batch), otherwise empty
 * @param count number of messages queued by a fan-out, or {@code null}
 * @param status {@code queued}, or {@code failed} when rejected before dispatch
 * @param groupId group created or reused for a multi-recipient chat, or {@code null}
 * @param groupCreated whether that group was created by this send, or {@code null}
 * @param participants participants of that group, never {@code null}
 * @param parentUnresolved whether a {@code reply_to} GUID could not be mapped, or
 * {@code null}
 * @param idempotencyKey the {@code Idempotency-Key} the send carried (yours or generated)
 * @param replayed whether Blooio answered 200 to a repeated key: the original message,
 * nothing new was sent
 * @since 0.1.0
 */
public record SendMessageResponse(@Nullable String messageId, List<String> messageIds, @Nullable Integer count,
		@Nullable DeliveryStatus status, @Nullable String groupId, @Nullable Boolean groupCreated,
		List<String> participants, @Nullable Boolean parentUnresolved, @JsonIgnore @Nullable String idempotencyKey,
		@JsonIgnore boolean replayed) {

	/**
	 * Normalises the lists.
	 * @param messageId id of a single message
	 * @param messageIds ids of fan-out messages
	 * @param count number of fan-out messages
	 * @param status queue status
	 * @param groupId group id of a multi-recipient chat
	 * @param groupCreated whether the group was created
	 * @param participants participants of the group
	 * @param parentUnresolved whether a reply GUID was unresolved
	 * @param idempotencyKey the key the send carried
	 * @param replayed whether this is an idempotent replay
	 */
	public SendMessageResponse {
		messageIds = BlooioJson.listOf(messageIds);
		participants = BlooioJson.listOf(participants);
	}

	/**
	 * Returns every message id this send produced, for single and fan-out sends alike.
	 * @return the message ids, in order
	 */
	public List<String> allMessageIds() {
		if (!this.messageIds.isEmpty()) {
			return this.messageIds;
		}
		return (this.messageId != null) ? List.of(this.messageId) : List.of();
	}

	/**
	 * Returns a copy carrying how the response was delivered.
	 * @param idempotencyKey the key the send carried
	 * @param replayed whether Blooio answered with an idempotent replay
	 * @return the copy
	 */
	public SendMessageResponse withDelivery(String idempotencyKey, boolean replayed) {
		return new SendMessageResponse(this.messageId, this.messageIds, this.count, this.status, this.groupId,
				this.groupCreated, this.participants, this.parentUnresolved, idempotencyKey, replayed);
	}

}
