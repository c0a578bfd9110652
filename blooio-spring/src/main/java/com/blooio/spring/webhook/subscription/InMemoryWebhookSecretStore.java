package com.blooio.spring.webhook.subscription;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A {@link WebhookSecretStore} in this instance's memory: other instances, and this one
 * after a restart, cannot read what it keeps.
 *
 * @since 0.1.0
 */
public class InMemoryWebhookSecretStore implements WebhookSecretStore {

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	@Override
	public @Nullable String load(String url) {
		return this.secrets.get(url);
	}

	@Override
	public void save(String url, String secret) {
		this.secrets.put(url, secret);
	}

	@Override
	public String toString() {
		return "InMemoryWebhookSecretStore{" + this.secrets.size() + " secrets}";
	}

}
