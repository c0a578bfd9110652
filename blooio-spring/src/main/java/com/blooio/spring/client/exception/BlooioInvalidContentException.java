package com.blooio.spring.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Blooio refused what a message says or how it is formatted (HTTP 400 with
 * {@code invalid_content} or {@code format_unsupported_for_channel_type}). Not retried:
 * the same content is refused again.
 * <p>
 * {@value #FORMAT_UNSUPPORTED_FOR_CHANNEL_TYPE}: Markdown was sent to a chat that is not
 * on an iMessage channel; the text sent as plain goes through. {@value #INVALID_CONTENT}:
 * the content itself is not acceptable, e.g. Markdown combined with attachments, Markdown
 * longer than Blooio allows, or Markdown without text.
 *
 * @since 0.1.0
 */
public class BlooioInvalidContentException extends BlooioApiException {

	/** The content is not acceptable. */
	public static final String INVALID_CONTENT = "invalid_content";

	/** The requested format is not available on the chat's channel type. */
	public static final String FORMAT_UNSUPPORTED_FOR_CHANNEL_TYPE = "format_unsupported_for_channel_type";

	/**
	 * Creates an exception.
	 * @param operation the Blooio operation that failed
	 * @param error the error Blooio answered with
	 * @param idempotencyKey the {@code Idempotency-Key} the request carried, or
	 * {@code null}
	 */
	public BlooioInvalidContentException(String operation, BlooioError error, @Nullable String idempotencyKey) {
		super(operation, error, idempotencyKey);
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}
