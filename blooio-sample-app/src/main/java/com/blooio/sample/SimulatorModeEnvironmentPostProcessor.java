package com.blooio.sample;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import com.blooio.spring.test.simulator.BlooioSimulator;

/**
 * Without {@code blooio.api-key}, starts the Blooio simulator and points the app at it:
 * API key, base URL and a generated webhook secret. With a key, does nothing and the app
 * talks to the configured Blooio server.
 * <p>
 * During AOT processing nothing is started, but the same properties are set to
 * placeholders: AOT decides at build time which conditional beans exist (the
 * {@code BlooioTemplate}, the webhook route, the simulator beans), so they must match
 * what the application will have at run time.
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
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			addSimulatorProperties(environment, "aot-processing", "bl_aot_processing", "http://localhost",
					"whsec_aot_processing");
			return;
		}
		BlooioSimulator simulator = BlooioSimulator.start();
		String id = UUID.randomUUID().toString();
		SimulatorRegistry.register(id, simulator);
		String secret = "whsec_" + HexFormat.of().formatHex(SecureRandom.getSeed(20));
		addSimulatorProperties(environment, id, simulator.apiKey(), simulator.baseUrl(), secret);
	}

	private static void addSimulatorProperties(ConfigurableEnvironment environment, String id, String apiKey,
			String baseUrl, String webhookSecret) {
		environment.getPropertySources()
			.addFirst(new MapPropertySource("blooioSimulator", Map.of(SIMULATOR_ID_PROPERTY, id, "blooio.api-key",
					apiKey, "blooio.base-url", baseUrl, "blooio.webhook.secret", webhookSecret)));
	}

	@Override
	public int getOrder() {
		// after application.properties and the command line have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
