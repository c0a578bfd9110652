package com.blooio.spring.autoconfigure.webhook;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookDeliveryObserver;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;

/**
 * Micrometer metrics for Blooio webhook deliveries: the counter
 * {@code blooio.webhook.deliveries} (tags {@code event}, {@code outcome}), the timer
 * {@code blooio.webhook.delivery.lag} (tag {@code event}) and, with the in-memory
 * de-duplication store, the counter {@code blooio.webhook.deduplication.early.evictions}
 * of keys it dropped for lack of room before their time was up. Applies when the
 * application has a {@link MeterRegistry} and the webhook endpoint is enabled.
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

	@Bean
	@ConditionalOnBean(InMemoryWebhookDeduplicationStore.class)
	@ConditionalOnMissingBean(name = "blooioWebhookDeduplicationMetrics")
	MeterBinder blooioWebhookDeduplicationMetrics(InMemoryWebhookDeduplicationStore store) {
		return (registry) -> FunctionCounter
			.builder("blooio.webhook.deduplication.early.evictions", store,
					InMemoryWebhookDeduplicationStore::getEarlyEvictions)
			.description("Keys the in-memory de-duplication store dropped before their retention ended")
			.register(registry);
	}

}
