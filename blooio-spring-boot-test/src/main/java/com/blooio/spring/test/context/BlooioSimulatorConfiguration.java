package com.blooio.spring.test.context;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.webhook.subscription.InMemoryWebhookSecretStore;
import com.blooio.spring.webhook.subscription.WebhookSecretStore;

/**
 * Runs an application against a {@link BlooioSimulator}: the simulator becomes a bean,
 * started with the application context and closed with it, and a
 * {@link BlooioConnectionDetails} bean points the application's Blooio client at it, with
 * no {@code blooio.*} property needed. {@link AutoConfigureBlooioSimulator} imports it
 * into tests; at development time, it starts your own application on the simulator from a
 * launcher in your test sources: <pre class="code">
 * public class TestMyApplication {
 *
 *     public static void main(String[] args) {
 *         SpringApplication.from(MyApplication::main).with(BlooioSimulatorConfiguration.class).run(args);
 *     }
 *
 * }
 * </pre>
 * <p>
 * The application's webhook endpoint is on ({@code blooio.webhook.enabled=true} as a
 * default below all of the application's properties, which can switch it off). It
 * verifies with {@code blooio.webhook.secret} when the application sets one, with a
 * generated secret otherwise. Once the application's web server runs, the endpoint is
 * subscribed to the simulator with that secret, and the log says at INFO where the
 * simulator runs and how to play a contact with {@code curl}.
 * <p>
 * The simulator listens on a free port, or on {@code blooio.simulator.port} when set (a
 * launcher can fix it, so that scripts and instructions can name it).
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:com/blooio/spring/test/context/blooio-simulator.properties")
public class BlooioSimulatorConfiguration {

	/** Port of the simulator; {@code 0}, the default, picks a free one. */
	static final String PORT_PROPERTY = "blooio.simulator.port";

	@Bean(destroyMethod = "close")
	BlooioSimulator blooioSimulator(Environment environment) {
		return BlooioSimulator.start(environment.getProperty(PORT_PROPERTY, Integer.class, 0));
	}

	@Bean
	BlooioConnectionDetails blooioSimulatorConnectionDetails(BlooioSimulator blooioSimulator, Environment environment) {
		return new SimulatorConnectionDetails(blooioSimulator, environment);
	}

	/**
	 * Keeps the secrets of subscriptions made on the simulator (with
	 * {@code blooio.webhook.public-url}), in place of the default store, whose start-up
	 * advice about production secrets does not apply to the simulator.
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
