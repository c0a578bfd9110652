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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.support.ExpectedLogs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for client tests: a {@link MockWebServer} standing in for Blooio, started before
 * and closed after each test, and a {@link BlooioTemplate} pointed at it with small
 * backoffs so that retries stay fast.
 */
abstract class BlooioServerTestSupport {

	static final String API_KEY = "bl_test_key";

	static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * What Reactor Netty logs when a connection fails, which the tests that make the
	 * server drop one provoke on purpose.
	 */
	@RegisterExtension
	final ExpectedLogs connectionErrors = ExpectedLogs.ofLoggers("reactor.netty.http.client.HttpClientConnect");

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

	/**
	 * Asserts that Reactor Netty warned of the connections the test made fail, naming why
	 * they failed. The warning may come a moment after the client gave up on the
	 * connection, so this waits for the first one.
	 * @param cause the class name of the exception that made them fail
	 */
	protected void assertConnectionErrorsLogged(String cause) {
		Awaitility.await()
			.atMost(VERIFY_TIMEOUT)
			.untilAsserted(() -> assertThat(this.connectionErrors.events()).isNotEmpty());
		assertAnyConnectionErrorLogged(cause);
	}

	/**
	 * Asserts that whatever Reactor Netty warned of failed connections names the given
	 * cause: for a connection the client closes at a deadline, Reactor Netty may or may
	 * not warn, depending on what the connection was doing.
	 * @param cause the class name of the exception that made them fail
	 */
	protected void assertAnyConnectionErrorLogged(String cause) {
		assertThat(this.connectionErrors.events())
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).endsWith("The connection observed an error"))
			.allSatisfy((event) -> assertThat(event.getThrowableProxy().getClassName()).isEqualTo(cause));
	}

}
