package com.blooio.spring.autoconfigure.webhook;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookDeliveryObserver;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

/**
 * Auto-configuration of the webhook pipeline shared by both web stacks: signature
 * verification, de-duplication and event publishing. Fails closed: enabled without
 * {@code blooio.webhook.secret}, start-up fails unless unsigned deliveries are explicitly
 * allowed. The routes come from {@link BlooioWebhookWebFluxAutoConfiguration} and
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
			ApplicationEventPublisher publisher, ObjectProvider<WebhookDeliveryObserver> observers) {
		BlooioProperties.Webhook webhook = properties.getWebhook();
		WebhookSignatureVerifier verifier = null;
		if (webhook.isAllowUnsigned()) {
			logger.warn("blooio.webhook.allow-unsigned=true: the Blooio webhook endpoint at " + webhook.getPath()
					+ " accepts deliveries WITHOUT verifying their signature. Anyone who can reach it can forge "
					+ "events. Never use this in production.");
		}
		else if (webhook.getSecret() == null) {
			throw new MissingWebhookSecretException();
		}
		else {
			verifier = new WebhookSignatureVerifier(webhook.secrets(), webhook.getTolerance(), WEBHOOK_CLOCK);
		}
		return new BlooioWebhookHandler(verifier, deduplicationStore, publisher,
				allOf(observers.orderedStream().toList()), webhook.getDeduplication().getLease());
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
