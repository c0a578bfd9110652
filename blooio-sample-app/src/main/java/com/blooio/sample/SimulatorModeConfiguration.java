package com.blooio.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

import com.blooio.spring.test.simulator.BlooioSimulator;

/**
 * Simulator mode: exposes the simulator started by
 * {@link SimulatorModeEnvironmentPostProcessor} as a bean, subscribes this app's webhook
 * endpoint to it once the server port is known, and explains how to play the contact.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(SimulatorModeEnvironmentPostProcessor.SIMULATOR_ID_PROPERTY)
class SimulatorModeConfiguration {

	private static final Log logger = LogFactory.getLog(SimulatorModeConfiguration.class);

	private static final String AOT_MODE_MISMATCH = "The Blooio simulator is not running because blooio.api-key is "
			+ "set, but this application was AOT-processed without blooio.api-key, and AOT keeps the simulator-mode "
			+ "beans chosen at build time. Build again with blooio.api-key set, or start without "
			+ "-Dspring.aot.enabled=true.";

	@Bean(destroyMethod = "close")
	BlooioSimulator blooioSimulator(
			@Value("${" + SimulatorModeEnvironmentPostProcessor.SIMULATOR_ID_PROPERTY + ":}") String id) {
		BlooioSimulator simulator = SimulatorRegistry.take(id);
		Assert.state(simulator != null,
				() -> AotDetector.useGeneratedArtifacts() ? AOT_MODE_MISMATCH : "The Blooio simulator was not started");
		return simulator;
	}

	@Bean
	ApplicationListener<WebServerInitializedEvent> blooioSimulatorWebhookSubscription(BlooioSimulator simulator,
			@Value("${blooio.webhook.path:/blooio/webhook}") String path,
			@Value("${blooio.webhook.secret}") String secret) {
		return (event) -> {
			int port = event.getWebServer().getPort();
			simulator.registerWebhook("http://127.0.0.1:" + port + path, secret);
			logger
				.info("""

						No blooio.api-key set: running against the embedded Blooio simulator at %s
						Play the contact:      curl -X POST localhost:%d/simulator/inbound -H 'Content-Type: application/json' -d '{"from":"+15551234567","text":"hi"}'
						See the conversation:  curl localhost:%d/conversations/+15551234567
						"""
					.formatted(simulator.baseUrl(), port, port));
		};
	}

}
