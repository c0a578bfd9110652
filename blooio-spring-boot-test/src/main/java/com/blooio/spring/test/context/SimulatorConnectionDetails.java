package com.blooio.spring.test.context;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.test.simulator.BlooioSimulator;

/**
 * The connection to a {@link BlooioSimulator}: its base URLs and key, and as webhook
 * secret {@code blooio.webhook.secret} when the application sets one (so that tests
 * signing their own deliveries with it keep working), a generated one otherwise.
 */
final class SimulatorConnectionDetails implements BlooioConnectionDetails {

	private final BlooioSimulator simulator;

	private final String webhookSecret;

	SimulatorConnectionDetails(BlooioSimulator simulator, Environment environment) {
		this.simulator = simulator;
		String configured = Binder.get(environment).bind("blooio.webhook.secret", String.class).orElse(null);
		this.webhookSecret = StringUtils.hasText(configured) ? configured.trim() : generateSecret();
	}

	private static String generateSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return "whsec_sim_" + HexFormat.of().formatHex(bytes);
	}

	@Override
	public URI getBaseUrl() {
		return URI.create(this.simulator.baseUrl());
	}

	@Override
	public URI getV4BaseUrl() {
		return URI.create(this.simulator.v4BaseUrl());
	}

	@Override
	public String getApiKey() {
		return this.simulator.apiKey();
	}

	@Override
	public String getWebhookSecret() {
		return this.webhookSecret;
	}

	@Override
	public String toString() {
		return "SimulatorConnectionDetails{baseUrl=" + this.simulator.baseUrl() + "}";
	}

}
