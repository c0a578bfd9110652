package com.blooio.spring.test.context;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.test.context.AutoConfigureBlooioSimulatorWebhookTests.ReceivedMessages;
import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioSimulatorConfiguration} as a development-time launcher
 * ({@code SpringApplication.from(MyApplication::main).with(...)}) of an application that
 * sets no {@code blooio.*} property.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlooioSimulatorConfigurationTests {

	private static final Pattern CURL = Pattern
		.compile("curl -X POST (\\S+) -H 'Content-Type: application/json' -d '([^']+)'");

	private static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*\"([^\"]+)\"");

	@Test
	void launchedApplicationTalksToTheSimulator() {
		try (ConfigurableApplicationContext context = launch()) {
			BlooioSimulator sim = context.getBean(BlooioSimulator.class);
			assertThat(context.getBean(BlooioTemplate.class).getSettings().baseUrl()).hasToString(sim.baseUrl());
		}
	}

	@Test
	void loggedCurlCommandPlaysAContactWhoseMessageReachesTheApplication(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = launch()) {
			BlooioSimulator sim = context.getBean(BlooioSimulator.class);
			assertThat(output).contains("Blooio simulator running at http://127.0.0.1:" + sim.port());
			Matcher curl = CURL.matcher(output.getAll());
			assertThat(curl.find()).as("curl command in the log").isTrue();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(curl.group(1)))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(curl.group(2)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			Matcher messageId = MESSAGE_ID.matcher(response.body());
			assertThat(messageId.find()).as("message id in " + response.body()).isTrue();
			AutoConfigureBlooioSimulatorWebhookTests.awaitHandled(sim, messageId.group(1));
			assertThat(context.getBean(ReceivedMessages.class).texts(messageId.group(1))).containsExactly("hi");
		}
	}

	@Test
	void simulatorListensOnBlooioSimulatorPortWhenSet() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext context = launch("--blooio.simulator.port=" + port)) {
			BlooioSimulator sim = context.getBean(BlooioSimulator.class);
			assertThat(sim.port()).isEqualTo(port);
			assertThat(context.getBean(BlooioTemplate.class).getSettings().baseUrl()).hasToString(sim.baseUrl());
		}
	}

	private static ConfigurableApplicationContext launch(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return SpringApplication.from(LaunchedApplication::main)
			.with(BlooioSimulatorConfiguration.class)
			.run(all)
			.getApplicationContext();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReceivedMessages.class)
	static class LaunchedApplication {

		static void main(String[] args) {
			SpringApplication.run(LaunchedApplication.class, args);
		}

	}

}
