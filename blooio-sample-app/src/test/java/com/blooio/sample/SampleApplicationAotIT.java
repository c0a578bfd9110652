package com.blooio.sample;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.simulator.SentMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample as {@code java -Dspring.aot.enabled=true -jar} runs it: from the
 * bean definitions that AOT processing generated during the build (run by failsafe after
 * {@code process-aot}), with no condition evaluated again. Without those generated
 * classes Spring Boot refuses to start in AOT mode, so this cannot pass on plain
 * reflection-based configuration.
 */
class SampleApplicationAotIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String CONTACT = "+15551234567";

	@BeforeAll
	static void enableAotMode() {
		System.setProperty("spring.aot.enabled", "true");
	}

	@AfterAll
	static void disableAotMode() {
		System.clearProperty("spring.aot.enabled");
	}

	@Test
	void readmeSimulatorFlowWorksFromTheAotGeneratedBeanDefinitions() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.main(SampleApplication.class)
			.run("--server.port=0")) {
			assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
			assertThat(context.getBeanFactory().getBeanDefinition("blooioTemplate")).isInstanceOfSatisfying(
					RootBeanDefinition.class, (definition) -> assertThat(definition.getInstanceSupplier()).isNotNull());
			assertThat(context.containsBean("blooioWebhookRouterFunction")).isTrue();
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
			client.post()
				.uri("/simulator/inbound")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("from", CONTACT, "text", "hi"))
				.exchange()
				.expectStatus()
				.isOk();
			BlooioSimulator simulator = context.getBean(BlooioSimulator.class);
			SentMessage reply = simulator.awaitSentMessages(1, WAIT).get(0);
			assertThat(reply.text()).isEqualTo("You said: hi");
			simulator.awaitDelivery((delivery) -> delivery.event().equals("message.delivered")
					&& delivery.messageId().equals(reply.messageId()) && delivery.status() == 200, WAIT);
			client.get()
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
