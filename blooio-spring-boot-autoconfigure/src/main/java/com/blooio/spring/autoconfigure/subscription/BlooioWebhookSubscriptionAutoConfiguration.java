package com.blooio.spring.autoconfigure.subscription;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.subscription.BlooioWebhookSubscriber;
import com.blooio.spring.webhook.subscription.InMemoryWebhookSecretStore;
import com.blooio.spring.webhook.subscription.WebhookSecretStore;

/**
 * Auto-configuration that subscribes {@code blooio.webhook.public-url} through Blooio's
 * v4 API once the application is ready, with {@code blooio.webhook.event-types}. Active
 * with the client, the webhook endpoint and a verifier (not with unsigned deliveries).
 * <p>
 * Blooio shows a new subscription's signing secret once. It goes to the
 * {@link WebhookSecretStore}: by default this instance's memory, which is enough for one
 * instance that subscribes at every start, and the start-up log says what to do
 * otherwise.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { BlooioClientAutoConfiguration.class, BlooioWebhookAutoConfiguration.class })
@ConditionalOnProperty("blooio.webhook.public-url")
@ConditionalOnBean({ BlooioOperations.class, WebhookSignatureVerifier.class, WebhookDeduplicationStore.class })
@EnableConfigurationProperties(BlooioProperties.class)
public final class BlooioWebhookSubscriptionAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BlooioWebhookSubscriptionAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	static WebhookSecretStore blooioWebhookSecretStore() {
		logger.info("Blooio webhook secrets of subscriptions this application creates are kept in this instance's"
				+ " memory only. Other instances, and this one after a restart, will not know a secret Blooio showed"
				+ " once: with several instances, define a WebhookSecretStore bean backed by storage they share"
				+ " (a secrets manager, Redis, a database), or set blooio.webhook.secret from Blooio's dashboard.");
		return new InMemoryWebhookSecretStore();
	}

	@Bean
	@ConditionalOnMissingBean
	BlooioWebhookSubscriber blooioWebhookSubscriber(BlooioOperations blooio, WebhookSecretStore secrets,
			WebhookSignatureVerifier verifier, WebhookDeduplicationStore turns) {
		return new BlooioWebhookSubscriber(blooio, secrets, verifier, turns);
	}

	@Bean
	SubscribeOnStartup blooioSubscribeOnStartup(BlooioWebhookSubscriber subscriber, BlooioProperties properties) {
		return new SubscribeOnStartup(subscriber, properties.getWebhook());
	}

}
