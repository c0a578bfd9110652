package com.blooio.spring.autoconfigure.client;

import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.observation.BlooioObservationFilter;

/**
 * Auto-configuration of Blooio's tags on WebClient observations: a
 * {@link BlooioObservationFilter} bean, which Spring Boot's observation support adds to
 * the {@link ObservationRegistry}. Needs Micrometer Observation and an
 * {@code ObservationRegistry} bean; an application's own
 * {@code ClientRequestObservationConvention} keeps applying.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ObservationRegistry.class, ObservationFilter.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class BlooioObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BlooioObservationFilter blooioObservationFilter() {
		return new BlooioObservationFilter();
	}

}
