package com.blooio.spring.webhook;

/**
 * A webhook body is not a JSON object or names no event type.
 *
 * @since 0.1.0
 */
public class MalformedWebhookException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message a description safe to log (never the body)
	 */
	public MalformedWebhookException(String message) {
		super(message);
	}

}
