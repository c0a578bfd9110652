package com.blooio.spring.autoconfigure.health;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeReactiveHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.client.BlooioOperations;

/**
 * Auto-configuration of the {@code blooio} health contributor, a
 * {@link BlooioHealthIndicator} for the application's {@link BlooioOperations} (one
 * indicator per bean, named after the beans, when there are several).
 * <p>
 * Active when Spring Boot's health module is present;
 * {@code management.health.blooio.enabled=false} switches it off, and a bean named
 * {@code blooioHealthContributor} replaces it. Blooio's safety events received by this
 * application ({@code safety.state_changed}, {@code safety.number_banned}) show in its
 * details.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BlooioClientAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(BlooioOperations.class)
@ConditionalOnEnabledHealthIndicator("blooio")
@EnableConfigurationProperties(BlooioProperties.class)
public final class BlooioHealthContributorAutoConfiguration
		extends CompositeReactiveHealthContributorConfiguration<BlooioHealthIndicator, BlooioOperations> {

	BlooioHealthContributorAutoConfiguration(BlooioProperties properties, ObjectProvider<SafetyState> safety) {
		super((blooio) -> new BlooioHealthIndicator(blooio, properties.getHealth().getCacheTimeToLive(),
				properties.getHealth().getTimeout(), Clock.systemUTC(), safety.getObject()));
	}

	/**
	 * Listens for Blooio's safety events, which the indicators show.
	 */
	@Bean
	static SafetyState blooioSafetyState() {
		return new SafetyState();
	}

	@Bean
	@ConditionalOnMissingBean(name = "blooioHealthContributor")
	ReactiveHealthContributor blooioHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, BlooioOperations.class);
	}

}
