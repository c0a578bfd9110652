package com.blooio.spring.autoconfigure.webhook;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains how to give the webhook endpoint its secret, or turn it off.
 */
class MissingWebhookSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingWebhookSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingWebhookSecretException cause) {
		return new FailureAnalysis(
				"The Blooio webhook endpoint is enabled but the property 'blooio.webhook.secret' is not set, so "
						+ "deliveries could not be verified. The endpoint refuses to start without it (fail closed).",
				"Set 'blooio.webhook.secret' to your webhook's signing secret (whsec_..., shown when the webhook "
						+ "was created or its secret rotated), or export BLOOIO_WEBHOOK_SECRET. To remove the endpoint, "
						+ "set 'blooio.webhook.enabled=false'. For local testing only, "
						+ "'blooio.webhook.allow-unsigned=true' accepts unsigned deliveries.",
				cause);
	}

}
