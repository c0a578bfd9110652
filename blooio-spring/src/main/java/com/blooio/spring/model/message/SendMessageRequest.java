package com.blooio.spring.model.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /chats/{chatId}/messages}: text, attachments or parts, plus
 * options.
 * <p>
 * Build one with {@link #builder()}; {@link Builder#build()} rejects combinations Blooio
 * would refuse, so nothing invalid goes on the wire: <pre class="code">
 * SendMessageRequest request = SendMessageRequest.builder()
 *     .text("Your order shipped")
 *     .attachment("https://example.com/label.pdf", "label.pdf")
 *     .idempotencyKey("order-1234-shipped")
 *     .build();
 * </pre>
 *
 * @see com.blooio.spring.client.MessageOperations#send(String, SendMessageRequest)
 * @since 0.1.0
 */
@JsonPropertyOrder({ "text", "format", "attachments", "parts", "link_preview", "effect", "from_number",
		"use_typing_indicator", "share_contact", "reply_to" })
public final class SendMessageRequest {

	private final @Nullable List<String> text;

	private final boolean textArray;

	private final @Nullable List<Attachment> attachments;

	private final @Nullable List<MessagePart> parts;

	private final @Nullable LinkPreview linkPreview;

	private final @Nullable MessageEffect effect;

	private final @Nullable MessageFormat format;

	private final @Nullable String fromNumber;

	private final @Nullable Boolean useTypingIndicator;

	private final @Nullable Boolean shareContact;

	private final @Nullable ReplyTo replyTo;

	private final @Nullable String idempotencyKey;

	private SendMessageRequest(Builder builder) {
		this.text = copyOrNull(builder.text);
		this.textArray = builder.textArray;
		this.attachments = copyOrNull(builder.attachments);
		this.parts = copyOrNull(builder.parts);
		this.linkPreview = builder.linkPreview;
		this.effect = builder.effect;
		this.format = builder.format;
		this.fromNumber = builder.fromNumber;
		this.useTypingIndicator = builder.useTypingIndicator;
		this.shareContact = builder.shareContact;
		this.replyTo = builder.replyTo;
		this.idempotencyKey = builder.idempotencyKey;
	}

	private static <T> @Nullable List<T> copyOrNull(List<T> list) {
		return list.isEmpty() ? null : List.copyOf(list);
	}

	/**
	 * Returns a new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a request that sends one text message.
	 * @param text the text
	 * @return the request
	 */
	public static SendMessageRequest text(String text) {
		return builder().text(text).build();
	}

	/**
	 * Returns a builder pre-filled with this request's values.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		if (this.text != null) {
			builder.text.addAll(this.text);
		}
		builder.textArray = this.textArray;
		if (this.attachments != null) {
			builder.attachments.addAll(this.attachments);
		}
		if (this.parts != null) {
			builder.parts.addAll(this.parts);
		}
		builder.linkPreview = this.linkPreview;
		builder.effect = this.effect;
		builder.format = this.format;
		builder.fromNumber = this.fromNumber;
		builder.useTypingIndicator = this.useTypingIndicator;
		builder.shareContact = this.shareContact;
		builder.replyTo = this.replyTo;
		builder.idempotencyKey = this.idempotencyKey;
		return builder;
	}

	/**
	 * Returns the text as sent: a string, a list of strings (one message each), or
	 * {@code null}.
	 * @return the text
	 */
	public @Nullable Object getText() {
		if (this.text == null) {
			return null;
		}
		return this.textArray ? this.text : this.text.get(0);
	}

	/**
	 * Returns the texts, one per message; empty when the request has no text.
	 * @return the texts
	 */
	@JsonIgnore
	public List<String> getTexts() {
		return (this.text != null) ? this.text : List.of();
	}

	/**
	 * Returns the attachments, or {@code null}.
	 * @return the attachments
	 */
	public @Nullable List<Attachment> getAttachments() {
		return this.attachments;
	}

	/**
	 * Returns the ordered parts, or {@code null}.
	 * @return the parts
	 */
	public @Nullable List<MessagePart> getParts() {
		return this.parts;
	}

	/**
	 * Returns the link preview override, or {@code null}.
	 * @return the link preview
	 */
	public @Nullable LinkPreview getLinkPreview() {
		return this.linkPreview;
	}

	/**
	 * Returns the iMessage effect, or {@code null}.
	 * @return the effect
	 */
	public @Nullable MessageEffect getEffect() {
		return this.effect;
	}

	/**
	 * Returns how Blooio reads the text, or {@code null} for Blooio's default (plain).
	 * @return the format
	 */
	public @Nullable MessageFormat getFormat() {
		return this.format;
	}

	/**
	 * Returns the sender number, or {@code null} for Blooio's choice.
	 * @return the sender number
	 */
	public @Nullable String getFromNumber() {
		return this.fromNumber;
	}

	/**
	 * Returns whether a typing indicator is shown first, or {@code null} for the
	 * organization's preference.
	 * @return whether to show typing first
	 */
	public @Nullable Boolean getUseTypingIndicator() {
		return this.useTypingIndicator;
	}

	/**
	 * Returns whether the contact card is shared with the message, or {@code null}.
	 * @return whether to share the contact card
	 */
	public @Nullable Boolean getShareContact() {
		return this.shareContact;
	}

	/**
	 * Returns the inline reply target, or {@code null}.
	 * @return the reply target
	 */
	public @Nullable ReplyTo getReplyTo() {
		return this.replyTo;
	}

	/**
	 * Returns the caller's idempotency key, or {@code null} to have one generated. Sent
	 * as the {@code Idempotency-Key} header, never in the body.
	 * @return the idempotency key
	 */
	@JsonIgnore
	public @Nullable String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	@Override
	public String toString() {
		return "SendMessageRequest{texts=" + getTexts().size() + ", attachments="
				+ ((this.attachments != null) ? this.attachments.size() : 0) + ", parts="
				+ ((this.parts != null) ? this.parts.size() : 0) + ", effect=" + this.effect + ", format=" + this.format
				+ ", fromNumber=" + this.fromNumber + ", replyTo=" + this.replyTo + ", idempotencyKey="
				+ this.idempotencyKey + "}";
	}

	/**
	 * Builder for {@link SendMessageRequest}.
	 */
	public static final class Builder {

		private final List<String> text = new ArrayList<>();

		private boolean textArray;

		private final List<Attachment> attachments = new ArrayList<>();

		private final List<MessagePart> parts = new ArrayList<>();

		private @Nullable LinkPreview linkPreview;

		private @Nullable MessageEffect effect;

		private @Nullable MessageFormat format;

		private @Nullable String fromNumber;

		private @Nullable Boolean useTypingIndicator;

		private @Nullable Boolean shareContact;

		private @Nullable ReplyTo replyTo;

		private @Nullable String idempotencyKey;

		private Builder() {
		}

		/**
		 * Sets the text of a single message.
		 * @param text the text
		 * @return this builder
		 */
		public Builder text(String text) {
			Assert.hasText(text, "text must not be empty");
			this.text.clear();
			this.text.add(text);
			this.textArray = false;
			return this;
		}

		/**
		 * Sets several texts; Blooio sends one message per text and answers with one id
		 * each.
		 * @param texts the texts, in order
		 * @return this builder
		 */
		public Builder texts(List<String> texts) {
			Assert.notEmpty(texts, "texts must not be empty");
			Assert.noNullElements(texts, "texts must not contain null");
			this.text.clear();
			this.text.addAll(texts);
			this.textArray = true;
			return this;
		}

		/**
		 * Sets several texts; Blooio sends one message per text.
		 * @param texts the texts, in order
		 * @return this builder
		 */
		public Builder texts(String... texts) {
			return texts(Arrays.asList(texts));
		}

		/**
		 * Adds an attachment by URL.
		 * @param url public URL of the file
		 * @return this builder
		 */
		public Builder attachment(String url) {
			return attachment(Attachment.of(url));
		}

		/**
		 * Adds a named attachment.
		 * @param url public URL of the file
		 * @param name file name shown to the recipient
		 * @return this builder
		 */
		public Builder attachment(String url, String name) {
			return attachment(Attachment.of(url, name));
		}

		/**
		 * Adds an attachment.
		 * @param attachment the attachment
		 * @return this builder
		 */
		public Builder attachment(Attachment attachment) {
			Assert.notNull(attachment, "attachment must not be null");
			this.attachments.add(attachment);
			return this;
		}

		/**
		 * Adds an ordered part; parts form one bubble mixing text and files.
		 * @param part the part
		 * @return this builder
		 */
		public Builder part(MessagePart part) {
			Assert.notNull(part, "part must not be null");
			this.parts.add(part);
			return this;
		}

		/**
		 * Sets the rich link preview used when the whole text is one URL.
		 * @param linkPreview the preview
		 * @return this builder
		 */
		public Builder linkPreview(@Nullable LinkPreview linkPreview) {
			this.linkPreview = linkPreview;
			return this;
		}

		/**
		 * Sets the iMessage effect (ignored on SMS and RCS).
		 * @param effect the effect
		 * @return this builder
		 */
		public Builder effect(@Nullable MessageEffect effect) {
			this.effect = effect;
			return this;
		}

		/**
		 * Sets how Blooio reads the text and the text parts, e.g.
		 * {@link MessageFormat#MARKDOWN} for rich text (iMessage only, not with
		 * attachments). Not sent unless set.
		 * @param format the format, or {@code null} for Blooio's default (plain)
		 * @return this builder
		 */
		public Builder format(@Nullable MessageFormat format) {
			this.format = format;
			return this;
		}

		/**
		 * Sets the sender number from your pool (E.164).
		 * @param fromNumber the sender number
		 * @return this builder
		 */
		public Builder fromNumber(@Nullable String fromNumber) {
			this.fromNumber = fromNumber;
			return this;
		}

		/**
		 * Sets whether a typing indicator is shown before the message.
		 * @param useTypingIndicator whether to show typing first
		 * @return this builder
		 */
		public Builder useTypingIndicator(@Nullable Boolean useTypingIndicator) {
			this.useTypingIndicator = useTypingIndicator;
			return this;
		}

		/**
		 * Sets whether your contact card rides along with the message (plan-gated).
		 * @param shareContact whether to share the contact card
		 * @return this builder
		 */
		public Builder shareContact(@Nullable Boolean shareContact) {
			this.shareContact = shareContact;
			return this;
		}

		/**
		 * Makes the message an iMessage inline reply.
		 * @param replyTo the message replied to
		 * @return this builder
		 */
		public Builder replyTo(@Nullable ReplyTo replyTo) {
			this.replyTo = replyTo;
			return this;
		}

		/**
		 * Sets the idempotency key; a repeat with the same key returns the original
		 * message instead of sending again. Without one, a random key is generated per
		 * call and reused on every retry of that call.
		 * @param idempotencyKey the key, e.g. a UUID or {@code "order-1234-shipped"}
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable String idempotencyKey) {
			Assert.isTrue(idempotencyKey == null || !idempotencyKey.isBlank(), "idempotencyKey must not be blank");
			this.idempotencyKey = idempotencyKey;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if Blooio would reject the combination
		 */
		public SendMessageRequest build() {
			Assert.isTrue(!this.text.isEmpty() || !this.attachments.isEmpty() || !this.parts.isEmpty(),
					"A message needs text, attachments or parts");
			Assert.isTrue(this.parts.isEmpty() || this.effect == null, "An effect cannot be combined with parts");
			Assert.isTrue(!MessageFormat.MARKDOWN.equals(this.format) || this.attachments.isEmpty(),
					"Markdown cannot be combined with attachments (Blooio rejects it with invalid_content); "
							+ "send the media and the styled text as two messages");
			Assert.isTrue(this.replyTo == null || !this.textArray,
					"replyTo cannot be combined with several texts (Blooio rejects replies on fan-outs)");
			boolean balloonBatch = this.parts.stream().anyMatch((part) -> part.linkPreview() != null);
			Assert.isTrue(this.replyTo == null || !balloonBatch,
					"replyTo cannot be combined with link-preview parts (Blooio rejects replies on fan-outs)");
			return new SendMessageRequest(this);
		}

	}

}
