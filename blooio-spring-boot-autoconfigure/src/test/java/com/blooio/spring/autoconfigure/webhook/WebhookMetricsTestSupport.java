package com.blooio.spring.autoconfigure.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * Boot's metrics auto-configuration and meter look-ups shared by the webhook metrics
 * tests.
 */
final class WebhookMetricsTestSupport {

	/** Boot's own metrics auto-configuration with the simple registry, as in an app. */
	static final AutoConfigurations BOOT_METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	static final String DELIVERIES = "blooio.webhook.deliveries";

	static final String LAG = "blooio.webhook.delivery.lag";

	private WebhookMetricsTestSupport() {
	}

	/**
	 * Returns the count of the deliveries counter with exactly these tags, failing when
	 * there is no such counter.
	 */
	static double deliveries(ApplicationContext context, String event, String outcome) {
		return context.getBean(MeterRegistry.class)
			.get(DELIVERIES)
			.tag("event", event)
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	/**
	 * Returns the count of deliveries over all tags: one per request.
	 */
	static double allDeliveries(ApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.find(DELIVERIES)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/**
	 * Returns the lag timer of an event, failing when there is none.
	 */
	static Timer lag(ApplicationContext context, String event) {
		return context.getBean(MeterRegistry.class).get(LAG).tag("event", event).timer();
	}

	/**
	 * Returns how many lag timers there are, over all tags.
	 */
	static int lagTimers(ApplicationContext context) {
		return context.getBean(MeterRegistry.class).find(LAG).timers().size();
	}

}
