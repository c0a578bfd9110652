package com.blooio.spring.client;

/**
 * Blooio's v4 API, for what receiving needs: webhook subscriptions and the event feed.
 * Same API key, retries, errors and observation as the v2 operations; base URL
 * {@link BlooioClientSettings#v4BaseUrl()}. v4 is where Blooio subscribes new webhooks
 * (v2 answers 410 for a new URL).
 *
 * @since 0.1.0
 */
public interface V4Operations {

	/**
	 * Returns v4 webhook subscription operations.
	 * @return the subscription operations
	 */
	V4WebhookOperations webhooks();

	/**
	 * Returns the v4 event feed operations.
	 * @return the event operations
	 */
	V4EventOperations events();

}
