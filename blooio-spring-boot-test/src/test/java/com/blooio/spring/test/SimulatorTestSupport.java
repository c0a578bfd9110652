package com.blooio.spring.test;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioTemplate;

/**
 * Base for simulator tests: a simulator and the real {@link BlooioTemplate} pointed at it
 * with short backoffs, both fresh for each test.
 */
abstract class SimulatorTestSupport {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	protected BlooioSimulator sim;

	protected BlooioTemplate blooio;

	@BeforeEach
	void startSimulator() {
		this.sim = BlooioSimulator.builder().webhookRetryDelay(Duration.ofMillis(20)).start();
		this.blooio = template(settings());
	}

	@AfterEach
	void closeSimulator() {
		this.sim.close();
	}

	protected BlooioClientSettings settings() {
		return BlooioClientSettings.of(this.sim.apiKey())
			.withBaseUrl(URI.create(this.sim.baseUrl()))
			.withRetry(3, Duration.ofMillis(10), Duration.ofMillis(100));
	}

	protected BlooioTemplate template(BlooioClientSettings settings) {
		return new BlooioTemplate(WebClient.create(), settings);
	}

}
