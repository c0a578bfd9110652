package com.blooio.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.SentMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample as {@code java -Dspring.aot.enabled=true -jar} runs it: from the
 * bean definitions that AOT processing generated during the build (run by failsafe after
 * {@code process-aot}), with no condition evaluated again, configured with properties as
 * in production and pointed at a simulator standing in for Blooio. Without those
 * generated classes Spring Boot refuses to start in AOT mode, so this cannot pass on
 * plain reflection-based configuration.
 */
class SampleApplicationAotIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String CONTACT = "+15551234567";

	private static final String WEBHOOK_SECRET = "whsec_aot_it";

	@BeforeAll
	static void enableAotMode() {
		System.setProperty("spring.aot.enabled", "true");
	}

	@AfterAll
	static void disableAotMode() {
		System.clearProperty("spring.aot.enabled");
	}

	@Test
	void botRepliesThroughTheAotGeneratedBeanDefinitions() throws Exception {
		try (BlooioSimulator simulator = BlooioSimulator.start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
					.main(SampleApplication.class)
					.run("--server.port=0", "--blooio.api-key=" + simulator.apiKey(),
							"--blooio.base-url=" + simulator.baseUrl(), "--blooio.v4.base-url=" + simulator.v4BaseUrl(),
							"--blooio.webhook.secret=" + WEBHOOK_SECRET)) {
			assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
			assertThat(context.getBeanFactory().getBeanDefinition("blooioTemplate")).isInstanceOfSatisfying(
					RootBeanDefinition.class, (definition) -> assertThat(definition.getInstanceSupplier()).isNotNull());
			assertThat(context.containsBean("blooioWebhookRouterFunction")).isTrue();
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			simulator.registerWebhook("http://127.0.0.1:" + port + "/blooio/webhook", WEBHOOK_SECRET);
			HttpResponse<String> played = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + "/simulator/inbound"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + CONTACT + "\",\"text\":\"hi\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(played.statusCode()).isEqualTo(200);
			SentMessage reply = simulator.awaitSentMessages(1, WAIT).get(0);
			assertThat(reply.text()).isEqualTo("You said: hi");
			assertThat(reply.authorization()).isEqualTo("Bearer " + simulator.apiKey());
			simulator.awaitDelivery((delivery) -> delivery.event().equals("message.delivered")
					&& delivery.messageId().equals(reply.messageId()) && delivery.status() == 200, WAIT);
			WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.build()
				.get()
				.uri("/conversations/{chatId}", CONTACT)
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
