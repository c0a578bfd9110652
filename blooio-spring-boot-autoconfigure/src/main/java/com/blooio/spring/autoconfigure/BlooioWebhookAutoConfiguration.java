package com.blooio.spring.autoconfigure;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.WebhookDeduplicationStore;
import com.blooio.spring.webhook.WebhookSignatureVerifier;

/**
 * Auto-configuration of the webhook pipeline shared by both web stacks: signature
 * verification, de-duplication and event publishing. Fails closed: enabled without
 * {@code blooio.webhook.secret}, start-up fails unless unsigned deliveries are explicitly
 * allowed. The routes come from {@link BlooioWebhookWebFluxAutoConfiguration} and
 * {@link BlooioWebhookWebMvcAutoConfiguration}.
 */
@AutoConfiguration(after = BlooioClientAutoConfiguration.class)
@ConditionalOnWebApplication
@Conditional(OnBlooioWebhookEnabledCondition.class)
@EnableConfigurationProperties(BlooioProperties.class)
public final class BlooioWebhookAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BlooioWebhookAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	WebhookDeduplicationStore blooioWebhookDeduplicationStore(BlooioProperties properties) {
		BlooioProperties.Deduplication deduplication = properties.getWebhook().getDeduplication();
		return new InMemoryWebhookDeduplicationStore(deduplication.getMaxEntries(), deduplication.getWindow());
	}

	@Bean
	@ConditionalOnMissingBean
	BlooioWebhookHandler blooioWebhookHandler(BlooioProperties properties, WebhookDeduplicationStore deduplicationStore,
			ApplicationEventPublisher publisher) {
		BlooioProperties.Webhook webhook = properties.getWebhook();
		if (webhook.isAllowUnsigned()) {
			logger.warn("blooio.webhook.allow-unsigned=true: the Blooio webhook endpoint at " + webhook.getPath()
					+ " accepts deliveries WITHOUT verifying their signature. Anyone who can reach it can forge "
					+ "events. Never use this in production.");
			return new BlooioWebhookHandler(null, deduplicationStore, publisher);
		}
		if (webhook.getSecret() == null) {
			throw new MissingWebhookSecretException();
		}
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(webhook.secrets(), webhook.getTolerance(),
				Clock.systemUTC());
		return new BlooioWebhookHandler(verifier, deduplicationStore, publisher);
	}

}
