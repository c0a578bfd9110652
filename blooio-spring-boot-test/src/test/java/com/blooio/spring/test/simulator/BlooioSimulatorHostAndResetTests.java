package com.blooio.spring.test.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for where a simulator listens and for its reset over the control API.
 */
class BlooioSimulatorHostAndResetTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void simulatorOnTheWildcardAddressHandsOutLoopbackUrlsThatAnswer() throws Exception {
		try (BlooioSimulator sim = BlooioSimulator.builder().host("0.0.0.0").apiKey("bl_sim_key").start()) {
			assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port() + "/v2/api");
			HttpResponse<String> me = this.http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/me"))
				.header("Authorization", "Bearer bl_sim_key")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(me.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void resetOverTheControlApiRunsTheSetUpKeptAcrossResets() throws Exception {
		try (BlooioSimulator sim = BlooioSimulator.start()) {
			AtomicInteger setUps = new AtomicInteger();
			sim.keepAcrossResets(setUps::incrementAndGet);
			HttpResponse<Void> reset = this.http
				.send(HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/v2/api", "/simulator/reset")))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(reset.statusCode()).isEqualTo(204);
			assertThat(setUps).hasValue(2);
		}
	}

}
