package com.blooio.spring.test.context;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.webhook.subscription.InMemoryWebhookSecretStore;
import com.blooio.spring.webhook.subscription.WebhookSecretStore;

/**
 * Configuration imported by {@link AutoConfigureBlooioSimulator}: a
 * {@link BlooioSimulator} bean, a {@link DynamicPropertyRegistrar} setting
 * {@code blooio.api-key}, {@code blooio.base-url} and {@code blooio.v4.base-url} from it,
 * the store of subscription secrets and, in applications with a web server, the
 * subscription of the application's webhook endpoint.
 */
@Configuration(proxyBeanMethods = false)
class BlooioSimulatorConfiguration {

	static final String API_KEY_PROPERTY = "blooio.api-key";

	static final String BASE_URL_PROPERTY = "blooio.base-url";

	static final String V4_BASE_URL_PROPERTY = "blooio.v4.base-url";

	/** Stands in for the simulator's key while auto-configuration conditions run. */
	static final String PLACEHOLDER_API_KEY = "bl_sim_placeholder";

	@Bean(destroyMethod = "close")
	BlooioSimulator blooioSimulator() {
		return BlooioSimulator.start();
	}

	@Bean
	DynamicPropertyRegistrar blooioSimulatorProperties(BlooioSimulator blooioSimulator) {
		return (registry) -> {
			registry.add(API_KEY_PROPERTY, blooioSimulator::apiKey);
			registry.add(BASE_URL_PROPERTY, blooioSimulator::baseUrl);
			registry.add(V4_BASE_URL_PROPERTY, blooioSimulator::v4BaseUrl);
		};
	}

	/**
	 * Keeps the secrets of subscriptions made on the simulator (with
	 * {@code blooio.webhook.public-url}), in place of the default store, whose start-up
	 * advice about production secrets does not apply to a test.
	 */
	@Bean
	WebhookSecretStore blooioSimulatorWebhookSecretStore() {
		return new InMemoryWebhookSecretStore();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebServerInitializedEvent.class)
	static class WebhookSubscriptionConfiguration {

		@Bean
		ApplicationWebhookSubscription blooioSimulatorWebhookSubscription(BlooioSimulator blooioSimulator,
				ApplicationContext applicationContext) {
			return new ApplicationWebhookSubscription(blooioSimulator, applicationContext);
		}

	}

}
