package com.blooio.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running simulator over plain HTTP and JSON, as a test in another language
 * would: no simulator classes involved.
 */
final class SimulatorHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What a script would match the first line the simulator prints with. */
	static final Pattern START_LINE = Pattern.compile("Blooio simulator listening on (\\S+) \\(API key (\\S+)\\)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String root;

	private final String apiKey;

	SimulatorHttp(String root, String apiKey) {
		this.root = root;
		this.apiKey = apiKey;
	}

	/**
	 * Reads the root URL and API key from the line the simulator prints on start.
	 */
	static SimulatorHttp fromStartLine(String line) {
		Matcher matcher = START_LINE.matcher(line);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not the start line: " + line);
		}
		return new SimulatorHttp(matcher.group(1), matcher.group(2));
	}

	String root() {
		return this.root;
	}

	String apiKey() {
		return this.apiKey;
	}

	HttpResponse<String> control(String method, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.root + path))
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json"));
	}

	HttpResponse<String> control(String method, String path) {
		return send(HttpRequest.newBuilder(URI.create(this.root + path))
			.method(method, HttpRequest.BodyPublishers.noBody()));
	}

	JsonNode get(String path) {
		HttpResponse<String> response = control("GET", path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return json(response);
	}

	HttpResponse<String> api(String method, String path, @Nullable String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.root + "/v2/api" + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json");
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/**
	 * Sends on a new connection: on a kept-alive one that the server then closes, Java's
	 * client would take the close for a stale connection and send again.
	 */
	static HttpResponse<String> sendOnNewConnection(HttpRequest.Builder request) throws IOException {
		return send(HttpClient.newHttpClient(), request);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException {
		try {
			return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return send(this.http, request);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
