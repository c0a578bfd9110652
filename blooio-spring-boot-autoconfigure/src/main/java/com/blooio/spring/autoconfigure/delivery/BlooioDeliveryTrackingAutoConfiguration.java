package com.blooio.spring.autoconfigure.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.delivery.BlooioDeliveryTracker;
import com.blooio.spring.webhook.BlooioWebhookHandler;

/**
 * Auto-configuration of {@link BlooioDeliveryTracker}, next to the template
 * ({@code blooio.api-key}). When the webhook endpoint is on, status webhooks complete
 * tracking and polling is only a safety net ({@code blooio.delivery-tracking.*}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { BlooioClientAutoConfiguration.class, BlooioWebhookAutoConfiguration.class })
@ConditionalOnBean(BlooioOperations.class)
@EnableConfigurationProperties(BlooioDeliveryTrackingProperties.class)
public final class BlooioDeliveryTrackingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BlooioDeliveryTracker blooioDeliveryTracker(BlooioOperations blooio, BlooioDeliveryTrackingProperties properties,
			ObjectProvider<BlooioWebhookHandler> webhookHandler) {
		boolean statusWebhooks = webhookHandler.getIfAvailable() != null;
		return new BlooioDeliveryTracker(blooio.messages(), properties.toSettings(statusWebhooks));
	}

	/**
	 * Status webhooks, when the webhook endpoint is on.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(BlooioWebhookHandler.class)
	static class StatusWebhooksConfiguration {

		@Bean
		DeliveryStatusListener blooioDeliveryStatusListener(BlooioDeliveryTracker tracker) {
			return new DeliveryStatusListener(tracker);
		}

	}

}
