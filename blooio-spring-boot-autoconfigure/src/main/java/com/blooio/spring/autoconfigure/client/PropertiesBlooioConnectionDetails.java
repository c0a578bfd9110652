package com.blooio.spring.autoconfigure.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.autoconfigure.BlooioProperties;

/**
 * The {@link BlooioConnectionDetails} that the {@code blooio.*} properties describe.
 */
final class PropertiesBlooioConnectionDetails implements BlooioConnectionDetails {

	private final BlooioProperties properties;

	PropertiesBlooioConnectionDetails(BlooioProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public URI getV4BaseUrl() {
		return this.properties.getV4().getBaseUrl();
	}

	@Override
	public String getApiKey() {
		String apiKey = this.properties.getApiKey();
		Assert.state(apiKey != null && !apiKey.isEmpty(), () -> OnBlooioApiKeyCondition.PROPERTY + " is not set");
		return apiKey;
	}

	@Override
	public @Nullable String getWebhookSecret() {
		return this.properties.getWebhook().getSecret();
	}

}
