package com.blooio.spring.autoconfigure.webhook;

/**
 * The webhook endpoint is enabled but has no secret to verify deliveries with.
 */
class MissingWebhookSecretException extends RuntimeException {

	MissingWebhookSecretException() {
		super("The Blooio webhook endpoint is enabled but blooio.webhook.secret is not set");
	}

}
