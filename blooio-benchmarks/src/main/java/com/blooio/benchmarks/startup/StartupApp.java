package com.blooio.benchmarks.startup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

/**
 * The shape of the sample application: a WebFlux app with an API key and a webhook
 * secret, a bean that would send with the template and a listener for received messages.
 * It starts with and without the Blooio auto-configurations.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StartupApp {

	/**
	 * Only for the {@code webclient} variant: the WebClient a hand-written Blooio client
	 * would build from Boot's builder, to tell the cost of the application's first
	 * WebClient from the starter's own.
	 * @param builder Boot's builder
	 * @return the client
	 */
	@Bean
	@ConditionalOnProperty("bench.hand-written-client")
	WebClient handWrittenClient(WebClient.Builder builder) {
		return builder.baseUrl("https://backend.blooio.com/v2/api").build();
	}

	@Bean
	Replier replier(ObjectProvider<BlooioOperations> blooio) {
		return new Replier(blooio);
	}

	/**
	 * Would reply to received messages.
	 */
	static class Replier {

		private final ObjectProvider<BlooioOperations> blooio;

		Replier(ObjectProvider<BlooioOperations> blooio) {
			this.blooio = blooio;
		}

		@EventListener
		void onMessage(BlooioMessageReceivedEvent event) {
			this.blooio.ifAvailable((operations) -> operations.messages().send("+15551234567", "Thanks!").subscribe());
		}

	}

}
