package com.blooio.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.SentMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TestSampleApplication}: the sample started on the simulator as a
 * developer starts it, played with the {@code curl} command its log prints.
 */
@ExtendWith(OutputCaptureExtension.class)
class TestSampleApplicationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Pattern CURL = Pattern
		.compile("curl -X POST (\\S+) -H 'Content-Type: application/json' -d '([^']+)'");

	@Test
	void contactPlayedWithTheLoggedCurlCommandGetsTheBotsReplyDelivered(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = TestSampleApplication.application()
			.run("--server.port=0")
			.getApplicationContext()) {
			Matcher curl = CURL.matcher(output.getAll());
			assertThat(curl.find()).as("curl command in the log").isTrue();
			HttpResponse<String> played = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(curl.group(1)))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(curl.group(2)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(played.statusCode()).isEqualTo(200);
			BlooioSimulator simulator = context.getBean(BlooioSimulator.class);
			SentMessage reply = simulator.awaitSentMessages(1, WAIT).get(0);
			assertThat(reply.chatId()).isEqualTo("+15551234567");
			assertThat(reply.text()).isEqualTo("You said: hi");
			simulator.awaitDelivery((delivery) -> delivery.event().equals("message.delivered")
					&& delivery.messageId().equals(reply.messageId()) && delivery.status() == 200, WAIT);
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.build()
				.get()
				.uri("/conversations/{chatId}", "+15551234567")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[1].text")
				.isEqualTo("You said: hi")
				.jsonPath("$.items[1].status")
				.isEqualTo("delivered");
		}
	}

}
