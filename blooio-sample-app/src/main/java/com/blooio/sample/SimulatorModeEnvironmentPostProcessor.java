package com.blooio.sample;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import com.blooio.spring.test.BlooioSimulator;

/**
 * Without {@code blooio.api-key}, starts the Blooio simulator and points the app at it:
 * API key, base URL and a generated webhook secret. With a key, does nothing and the app
 * talks to the configured Blooio server.
 */
class SimulatorModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SIMULATOR_ID_PROPERTY = "sample.simulator.id";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		boolean hasApiKey = binder.bind("blooio.api-key", String.class).map(StringUtils::hasText).orElse(false);
		boolean simulatorAllowed = binder.bind("sample.simulator.enabled", Boolean.class).orElse(true);
		if (hasApiKey || !simulatorAllowed) {
			return;
		}
		BlooioSimulator simulator = BlooioSimulator.start();
		String id = UUID.randomUUID().toString();
		SimulatorRegistry.register(id, simulator);
		String secret = "whsec_" + HexFormat.of().formatHex(SecureRandom.getSeed(20));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("blooioSimulator", Map.of(SIMULATOR_ID_PROPERTY, id, "blooio.api-key",
					simulator.apiKey(), "blooio.base-url", simulator.baseUrl(), "blooio.webhook.secret", secret)));
	}

	@Override
	public int getOrder() {
		// after application.properties and the command line have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
