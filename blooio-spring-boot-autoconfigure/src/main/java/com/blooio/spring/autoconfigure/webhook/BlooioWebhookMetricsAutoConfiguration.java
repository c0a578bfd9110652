package com.blooio.spring.autoconfigure.webhook;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookDeliveryObserver;

/**
 * Micrometer metrics for Blooio webhook deliveries: the counter
 * {@code blooio.webhook.deliveries} (tags {@code event}, {@code outcome}) and the timer
 * {@code blooio.webhook.delivery.lag} (tag {@code event}). Applies when the application
 * has a {@link MeterRegistry} and the webhook endpoint is enabled.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BlooioWebhookAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, BlooioWebhookHandler.class })
public final class BlooioWebhookMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "blooioWebhookDeliveryMetrics")
	WebhookDeliveryObserver blooioWebhookDeliveryMetrics(MeterRegistry meterRegistry) {
		return new WebhookDeliveryMetrics(meterRegistry, BlooioWebhookAutoConfiguration.WEBHOOK_CLOCK);
	}

}
