package com.blooio.spring.autoconfigure.catchup;

import java.time.Duration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.catchup.BlooioEventCatchUp;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.catchup.InMemoryCatchUpCheckpointStore;

/**
 * Auto-configuration of {@link BlooioEventCatchUp}: catch-up after an outage from
 * Blooio's v4 event feed, through the webhook pipeline. Active when both the client
 * ({@code blooio.api-key}) and the webhook endpoint are. It runs once the application is
 * ready when {@code blooio.webhook.catch-up.on-startup} is set, and whenever the
 * {@code blooiocatchup} Actuator endpoint is called.
 * <p>
 * The checkpoint lives with the de-duplication store: in Redis or the database when those
 * are configured, in memory otherwise.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { BlooioClientAutoConfiguration.class, BlooioWebhookAutoConfiguration.class })
@ConditionalOnBean({ BlooioOperations.class, BlooioWebhookHandler.class })
@EnableConfigurationProperties(BlooioProperties.class)
public final class BlooioCatchUpAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CatchUpCheckpointStore blooioCatchUpCheckpointStore() {
		return new InMemoryCatchUpCheckpointStore();
	}

	@Bean
	@ConditionalOnMissingBean
	BlooioEventCatchUp blooioEventCatchUp(BlooioProperties properties, BlooioOperations blooio,
			BlooioWebhookHandler handler, CatchUpCheckpointStore checkpoints) {
		BlooioProperties.Webhook webhook = properties.getWebhook();
		Duration maxAge = webhook.getCatchUp().getMaxAge();
		return new BlooioEventCatchUp(blooio, handler, checkpoints,
				(maxAge != null) ? maxAge : webhook.getDeduplication().getRetention(),
				webhook.getCatchUp().getOverlap());
	}

	@Bean
	@ConditionalOnBooleanProperty("blooio.webhook.catch-up.on-startup")
	CatchUpOnStartup blooioCatchUpOnStartup(BlooioEventCatchUp catchUp) {
		return new CatchUpOnStartup(catchUp);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(BlooioCatchUpEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BlooioCatchUpEndpoint blooioCatchUpEndpoint(BlooioEventCatchUp catchUp) {
			return new BlooioCatchUpEndpoint(catchUp);
		}

	}

}
