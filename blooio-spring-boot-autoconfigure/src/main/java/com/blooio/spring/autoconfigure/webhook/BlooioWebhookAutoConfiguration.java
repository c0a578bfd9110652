package com.blooio.spring.autoconfigure.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookDeliveryObserver;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;
import com.blooio.spring.webhook.subscription.WebhookSecretStore;

/**
 * Auto-configuration of the webhook pipeline shared by both web stacks: signature
 * verification, de-duplication and event publishing. Fails closed: enabled without a
 * secret ({@code blooio.webhook.secret}, or the {@link BlooioConnectionDetails} bean's),
 * start-up fails unless unsigned deliveries are explicitly allowed. The routes come from
 * {@link BlooioWebhookWebFluxAutoConfiguration} and
 * {@link BlooioWebhookWebMvcAutoConfiguration}. Every {@link WebhookDeliveryObserver}
 * bean is told the outcome of each delivery. De-duplication is in memory unless
 * {@code blooio.webhook.deduplication.store} chooses a shared store
 * ({@link JdbcStoreConfiguration}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BlooioClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ConditionalOnWebApplication
@Conditional(OnBlooioWebhookEnabledCondition.class)
@EnableConfigurationProperties(BlooioProperties.class)
@Import({ BlooioWebhookAutoConfiguration.MemoryStoreConfiguration.class, RedisStoreConfiguration.class,
		JdbcStoreConfiguration.class })
public final class BlooioWebhookAutoConfiguration {

	/**
	 * The clock both the signature verifier and the delivery-lag timer read, so that a
	 * delivery's lag and its timestamp tolerance agree on what now is.
	 */
	static final Clock WEBHOOK_CLOCK = Clock.systemUTC();

	private static final Log logger = LogFactory.getLog(BlooioWebhookAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	BlooioWebhookHandler blooioWebhookHandler(BlooioProperties properties, WebhookDeduplicationStore deduplicationStore,
			ApplicationEventPublisher publisher, ObjectProvider<WebhookDeliveryObserver> observers,
			ObjectProvider<WebhookSignatureVerifier> verifier) {
		BlooioProperties.Webhook webhook = properties.getWebhook();
		if (webhook.isAllowUnsigned()) {
			logger.warn("blooio.webhook.allow-unsigned=true: the Blooio webhook endpoint at " + webhook.getPath()
					+ " accepts deliveries WITHOUT verifying their signature. Anyone who can reach it can forge "
					+ "events. Never use this in production.");
		}
		return new BlooioWebhookHandler(webhook.isAllowUnsigned() ? null : verifier.getObject(), deduplicationStore,
				publisher, allOf(observers.orderedStream().toList()), webhook.getDeduplication().getLease());
	}

	/**
	 * The verifier of signatures: the current secret (from the
	 * {@link BlooioConnectionDetails} bean when it gives one, otherwise
	 * {@code blooio.webhook.secret}), the previous secrets, and the one a
	 * {@link WebhookSecretStore} keeps for {@code blooio.webhook.public-url}. With a
	 * public URL and no secret yet, it waits for the one the subscription brings.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "blooio.webhook.allow-unsigned", havingValue = false, matchIfMissing = true)
	WebhookSignatureVerifier blooioWebhookSignatureVerifier(BlooioProperties properties,
			ObjectProvider<BlooioConnectionDetails> connectionDetails, ObjectProvider<WebhookSecretStore> secretStore) {
		BlooioProperties.Webhook webhook = properties.getWebhook();
		List<String> secrets = new ArrayList<>(webhook.secrets());
		BlooioConnectionDetails connection = connectionDetails.getIfAvailable();
		String connectionSecret = (connection != null) ? connection.getWebhookSecret() : null;
		if (connectionSecret != null && !connectionSecret.isBlank()) {
			secrets.remove(webhook.getSecret());
			secrets.add(0, connectionSecret.trim());
		}
		URI publicUrl = webhook.getPublicUrl();
		WebhookSecretStore store = secretStore.getIfAvailable();
		String stored = (publicUrl != null && store != null) ? store.load(publicUrl.toString()) : null;
		if (stored != null && !secrets.contains(stored)) {
			secrets.add(stored);
		}
		if (!secrets.isEmpty()) {
			return new WebhookSignatureVerifier(secrets, webhook.getTolerance(), WEBHOOK_CLOCK);
		}
		if (publicUrl == null) {
			throw new MissingWebhookSecretException();
		}
		return WebhookSignatureVerifier.awaitingSecret(webhook.getTolerance(), WEBHOOK_CLOCK);
	}

	private static WebhookDeliveryObserver allOf(List<WebhookDeliveryObserver> observers) {
		if (observers.size() == 1) {
			return observers.get(0);
		}
		return (eventType, outcome, signedAt) -> {
			for (WebhookDeliveryObserver observer : observers) {
				observer.observe(eventType, outcome, signedAt);
			}
		};
	}

	/**
	 * The in-memory de-duplication store, unless another store is chosen or a
	 * {@link WebhookDeduplicationStore} bean is declared.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
	@ConditionalOnProperty(name = "blooio.webhook.deduplication.store", havingValue = "memory", matchIfMissing = true)
	static class MemoryStoreConfiguration {

		@Bean
		InMemoryWebhookDeduplicationStore blooioWebhookDeduplicationStore(BlooioProperties properties) {
			BlooioProperties.Deduplication deduplication = properties.getWebhook().getDeduplication();
			int maxEntries = deduplication.getMemory().getMaxEntries();
			logger.info("Blooio webhook de-duplication: in this instance's memory (" + maxEntries + " keys, retention "
					+ deduplication.getRetention() + "). Several instances, or restarts,"
					+ " need a shared store: blooio.webhook.deduplication.store=redis or jdbc");
			return new InMemoryWebhookDeduplicationStore(maxEntries, deduplication.getRetention());
		}

	}

}
