package com.blooio.spring.model.message;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One ordered part of a multi-part message: text (optionally an @-mention) or a file URL.
 * <p>
 * Create parts with the factory methods, which enforce Blooio's rules: {@code text} and
 * {@code url} exclude each other, a mention needs text, a name needs a URL.
 *
 * @param text text of the part, or {@code null}
 * @param mention phone or email the text @-mentions (groups), or {@code null}
 * @param url public URL of a file, or {@code null}
 * @param name file name for {@code url}, or {@code null}
 * @param linkPreview rich link preview; any part with one switches the whole send to
 * URL-balloon batch mode
 * @since 0.1.0
 */
public record MessagePart(@Nullable String text, @Nullable String mention, @Nullable String url, @Nullable String name,
		@Nullable LinkPreview linkPreview) {

	/**
	 * Validates the part.
	 * @param text text of the part, or {@code null}
	 * @param mention phone or email the text @-mentions, or {@code null}
	 * @param url public URL of a file, or {@code null}
	 * @param name file name for {@code url}, or {@code null}
	 * @param linkPreview rich link preview, or {@code null}
	 */
	public MessagePart {
		Assert.isTrue(text != null ^ url != null, "A message part needs exactly one of text or url");
		Assert.isTrue(mention == null || text != null, "A mention is only valid on a text part");
		Assert.isTrue(name == null || url != null, "A name is only valid on a url part");
	}

	/**
	 * Returns a text part.
	 * @param text the text
	 * @return the part
	 */
	public static MessagePart text(String text) {
		return new MessagePart(text, null, null, null, null);
	}

	/**
	 * Returns a text part that @-mentions a group member; the whole text becomes the
	 * mention.
	 * @param text the text shown, e.g. {@code "@Jane"}
	 * @param member phone or email of the member mentioned
	 * @return the part
	 */
	public static MessagePart mention(String text, String member) {
		return new MessagePart(text, member, null, null, null);
	}

	/**
	 * Returns a file part.
	 * @param url public URL of the file
	 * @return the part
	 */
	public static MessagePart attachment(String url) {
		return new MessagePart(null, null, url, null, null);
	}

	/**
	 * Returns a named file part.
	 * @param url public URL of the file
	 * @param name file name shown to the recipient
	 * @return the part
	 */
	public static MessagePart attachment(String url, String name) {
		return new MessagePart(null, null, url, name, null);
	}

	/**
	 * Returns a text part sent as its own rich-link message (URL-balloon batch mode).
	 * @param url the http(s) URL, as the part's whole text
	 * @param preview the preview to show
	 * @return the part
	 */
	public static MessagePart linkPreview(String url, LinkPreview preview) {
		return new MessagePart(url, null, null, null, preview);
	}

}
