package com.blooio.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged {@code target/blooio-simulator.jar} as a user would,
 * {@code java -jar blooio-simulator.jar --port 0}, in its own JVM.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "stopping relies on SIGTERM running the shutdown hook")
class StandaloneSimulatorJarIT {

	private static final Path JAR = Path.of(System.getProperty("blooio.simulator.jar", "target/blooio-simulator.jar"));

	private final WebhookReceiver receiver = new WebhookReceiver();

	private Process process;

	@AfterEach
	void cleanUp() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
		this.receiver.close();
	}

	@Test
	void jarServesTheApiWithThePrintedKeyDeliversWebhooksAndStopsCleanlyOnSigterm() throws Exception {
		assertThat(JAR).exists();
		this.process = new ProcessBuilder(javaExecutable(), "-jar", JAR.toString(), "--port", "0", "--webhook-url",
				this.receiver.url(), "--webhook-secret", "whsec_it")
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		String startLine = output.readLine();
		assertThat(startLine).matches(SimulatorHttp.START_LINE);
		SimulatorHttp http = SimulatorHttp.fromStartLine(startLine);

		HttpResponse<String> me = http.api("GET", "/me", null);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(SimulatorHttp.json(me).path("valid").asBoolean()).isTrue();
		assertThat(http.api("POST", "/chats/%2B15551234567/messages", "{\"text\": \"hi\"}").statusCode())
			.isEqualTo(202);
		assertThat(this.receiver.await((delivery) -> "message.delivered".equals(delivery.event())).signature())
			.startsWith("t=");

		// as a shell or a CI step stops it; Process.destroy() would close the output too
		// soon
		assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(this.process.pid())).start().waitFor()).isZero();
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).as("exited").isTrue();
		// 143 = 128 + SIGTERM: the JVM's status once its shutdown hooks have run
		assertThat(this.process.exitValue()).isEqualTo(143);
		assertThat(remaining(output)).contains("Blooio simulator stopped").doesNotContain("Exception");
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static List<String> remaining(BufferedReader output) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			lines.add(line);
		}
		return lines;
	}

}
