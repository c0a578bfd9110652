package com.blooio.spring.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

import com.blooio.spring.client.BlooioClientSettings;

/**
 * Where the application's Blooio connection comes from: the API endpoints, the API key
 * and the webhook signing secret. By default they are read from the {@code blooio.*}
 * properties; a bean of this type replaces them all, for the client, the health
 * indicator, webhook subscriptions, catch-up and the verification of webhook signatures.
 * <p>
 * A bean of this type also switches the Blooio client on, with no {@code blooio.api-key}
 * set: that is how {@code @AutoConfigureBlooioSimulator} and
 * {@code BlooioSimulatorConfiguration} of {@code blooio-spring-boot-test} point an
 * application at the Blooio simulator, and how an application can take its key from a
 * secrets manager. It does not switch the webhook endpoint on (an inbound endpoint should
 * not appear because credentials were supplied): {@code blooio.webhook.*} decides that,
 * and the endpoint then verifies with {@link #getWebhookSecret()} when it is not
 * {@code null}.
 *
 * @since 0.1.0
 */
public interface BlooioConnectionDetails extends ConnectionDetails {

	/**
	 * Returns the base URL of Blooio's v2 API.
	 * @return the base URL, by default {@link BlooioClientSettings#DEFAULT_BASE_URL}
	 */
	default URI getBaseUrl() {
		return BlooioClientSettings.DEFAULT_BASE_URL;
	}

	/**
	 * Returns the base URL of Blooio's v4 API (webhook subscriptions, the event feed).
	 * @return the base URL, by default {@link BlooioClientSettings#DEFAULT_V4_BASE_URL}
	 */
	default URI getV4BaseUrl() {
		return BlooioClientSettings.DEFAULT_V4_BASE_URL;
	}

	/**
	 * Returns the API key, sent as a bearer token.
	 * @return the API key
	 */
	String getApiKey();

	/**
	 * Returns the signing secret of the webhook subscription that delivers to this
	 * application, used as its literal UTF-8 bytes; secrets still accepted during a
	 * rotation stay in {@code blooio.webhook.previous-secrets}.
	 * @return the secret, or {@code null} to use {@code blooio.webhook.secret}
	 */
	default @Nullable String getWebhookSecret() {
		return null;
	}

}
