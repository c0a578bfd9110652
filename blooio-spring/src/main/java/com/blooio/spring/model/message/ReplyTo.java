package com.blooio.spring.model.message;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The message an iMessage inline reply points at.
 *
 * @param messageId Blooio message id in the same chat (preferred)
 * @param guid raw iMessage GUID, used when no Blooio id is known
 * @param partIndex index of the part replied to, {@code null} for Blooio's default (0)
 * @since 0.1.0
 */
public record ReplyTo(@Nullable String messageId, @Nullable String guid, @Nullable Integer partIndex) {

	/**
	 * Returns a reply to a Blooio message id.
	 * @param messageId the message replied to
	 * @return the reply target
	 */
	public static ReplyTo message(String messageId) {
		Assert.hasText(messageId, "messageId must not be empty");
		return new ReplyTo(messageId, null, null);
	}

	/**
	 * Returns a reply to a raw iMessage GUID.
	 * @param guid the iMessage GUID replied to
	 * @return the reply target
	 */
	public static ReplyTo guid(String guid) {
		Assert.hasText(guid, "guid must not be empty");
		return new ReplyTo(null, guid, null);
	}

	/**
	 * Returns a copy that replies to the given part of the target message.
	 * @param partIndex zero-based part index
	 * @return the reply target
	 */
	public ReplyTo part(int partIndex) {
		Assert.isTrue(partIndex >= 0, "partIndex must not be negative");
		return new ReplyTo(this.messageId, this.guid, partIndex);
	}

}
