package com.blooio.spring.test.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

	/**
	 * Calls the simulated API with a plain HTTP client and the right key.
	 * @param method the HTTP method
	 * @param path the raw path below the base URL, e.g. {@code /contacts/%2B1555}
	 * @param json the JSON body, or {@code null} for none
	 * @return the response
	 */
	protected HttpResponse<String> call(String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.sim.baseUrl() + path))
			.header("Authorization", "Bearer " + this.sim.apiKey())
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
