package com.blooio.spring.test.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for tests of the simulator's v4 API, driven with a plain HTTP client and Jackson
 * (the client library's v4 support is written separately).
 */
abstract class V4TestSupport extends SimulatorTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * Calls the v4 API with the simulator's key.
	 * @param method the HTTP method
	 * @param path the raw path below {@code /v4}, with its query
	 * @param json the JSON body, or {@code null} for none
	 * @return the response
	 */
	HttpResponse<String> v4(String method, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.sim.v4BaseUrl() + path))
			.header("Authorization", "Bearer " + this.sim.apiKey()), method, json);
	}

	HttpResponse<String> send(HttpRequest.Builder request, String method, String json) {
		request.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Calls the v4 API and returns the JSON body of a 2xx answer.
	 */
	JsonNode v4Json(String method, String path, String json) {
		HttpResponse<String> response = v4(method, path, json);
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		return JSON.readTree(response.body());
	}

	/**
	 * Subscribes a URL and returns the created webhook ({@code data}).
	 * @param url the receiver's URL
	 * @param eventTypes the {@code event_types} as a JSON array
	 * @return the webhook, with its signing secret
	 */
	JsonNode subscribe(String url, String eventTypes) {
		return v4Json("POST", "/webhooks", "{\"url\":\"" + url + "\",\"event_types\":" + eventTypes + "}").path("data");
	}

	/**
	 * Returns every event of the feed matching a query, following the cursors.
	 * @param query the query, e.g. {@code type=message.*}, or empty
	 * @return the events, newest first
	 */
	List<JsonNode> feed(String query) {
		List<JsonNode> events = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = v4Json("GET", "/events?" + query + ((cursor != null) ? "&cursor=" + cursor : ""), null);
			page.path("data").forEach(events::add);
			cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asString() : null;
		}
		while (cursor != null);
		return events;
	}

	/**
	 * Waits until the feed, read with a query, holds an event matching a condition.
	 * @return that event
	 */
	JsonNode awaitEvent(String query, Predicate<JsonNode> condition) {
		return Awaitility.await()
			.atMost(TIMEOUT)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> feed(query).stream().filter(condition).findFirst().orElse(null), (event) -> event != null);
	}

	static Predicate<JsonNode> type(String type) {
		return (event) -> type.equals(event.path("type").asString());
	}

	static List<String> types(List<JsonNode> events) {
		return events.stream().map((event) -> event.path("type").asString()).toList();
	}

}
