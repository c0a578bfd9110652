package com.blooio.spring.webhook.subscription;

import org.jspecify.annotations.Nullable;

/**
 * Where the signing secret of a subscription the application created is kept. Blooio
 * shows a secret once, in the answer that creates the subscription, so every instance of
 * the application (and each after a restart) has to find it here: back it with something
 * they all read, such as a secrets manager, Redis or a database. Implementations must not
 * log the secret.
 *
 * @since 0.1.0
 */
public interface WebhookSecretStore {

	/**
	 * Returns the secret of the subscription for a URL.
	 * @param url the URL Blooio delivers to
	 * @return the secret, or {@code null} when none is kept
	 */
	@Nullable String load(String url);

	/**
	 * Keeps the secret of the subscription for a URL, replacing any other.
	 * @param url the URL Blooio delivers to
	 * @param secret the signing secret
	 */
	void save(String url, String secret);

}
