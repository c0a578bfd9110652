package com.blooio.spring.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for client tests: a {@link MockWebServer} standing in for Blooio, started before
 * and closed after each test, and a {@link BlooioTemplate} pointed at it with small
 * backoffs so that retries stay fast.
 */
abstract class BlooioServerTestSupport {

	static final String API_KEY = "bl_test_key";

	static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(5);

	protected MockWebServer server;

	protected BlooioTemplate blooio;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.blooio = new BlooioTemplate(WebClient.create(), settings());
	}

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	/**
	 * Returns the settings every test starts from: the test key, the mock server's base
	 * URL and three attempts with 10 ms to 100 ms backoff.
	 * @return the settings
	 */
	protected BlooioClientSettings settings() {
		return BlooioClientSettings.of(API_KEY)
			.withBaseUrl(URI.create(this.server.url("/v2/api").toString()))
			.withRetry(3, Duration.ofMillis(10), Duration.ofMillis(100));
	}

	/**
	 * Replaces the template with one built from other settings.
	 * @param settings the settings
	 * @return the new template
	 */
	protected BlooioTemplate template(BlooioClientSettings settings) {
		this.blooio = new BlooioTemplate(WebClient.create(), settings);
		return this.blooio;
	}

	protected void enqueueJson(int code, String body) {
		this.server.enqueue(json(code, body));
	}

	protected void enqueueFixture(int code, String fixture) {
		this.server.enqueue(json(code, fixture(fixture)));
	}

	static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

	static MockResponse.Builder jsonBuilder(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
	}

	/**
	 * Takes the next recorded request, failing instead of blocking forever when the
	 * client sent none.
	 * @return the request
	 */
	protected RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request).as("request received by the mock server").isNotNull();
		return request;
	}

	static String bodyOf(RecordedRequest request) {
		return (request.getBody() != null) ? request.getBody().string(StandardCharsets.UTF_8) : "";
	}

	static String fixture(String name) {
		try (InputStream in = BlooioServerTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as("fixture " + name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
