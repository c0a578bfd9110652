package com.blooio.spring.autoconfigure.client;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.client.BlooioTemplate;

/**
 * Auto-configuration of {@link BlooioTemplate}, created when {@code blooio.api-key} is
 * set or the application defines a {@link BlooioConnectionDetails} bean. The connection
 * (base URLs, API key) comes from the {@link BlooioConnectionDetails} bean: by default
 * one read from the {@code blooio.*} properties.
 * <p>
 * The template is built from a clone of Boot's prototype {@link WebClient.Builder}, so
 * the application's customizers, observation and SSL settings apply while nothing Blooio
 * adds reaches other clients. A user-defined {@link BlooioOperations} bean replaces it.
 * <p>
 * To keep the HTTP client out of application start-up, the template's {@link WebClient}
 * is built on its first API call: only then is the builder obtained (and with it, if
 * nothing built one earlier, Boot's {@code ClientHttpConnector}) and are the
 * {@link BlooioWebClientCustomizer} beans applied. A failure there fails that call, and
 * the next call tries again.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(BlooioProperties.class)
public final class BlooioClientAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BlooioClientAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(BlooioConnectionDetails.class)
	PropertiesBlooioConnectionDetails blooioConnectionDetails(BlooioProperties properties) {
		return new PropertiesBlooioConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(BlooioOperations.class)
	@Conditional(OnBlooioApiKeyCondition.class)
	BlooioTemplate blooioTemplate(BlooioProperties properties, BlooioConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<BlooioWebClientCustomizer> customizers) {
		if (properties.getLogging().isIncludeBodies()) {
			logger.warn("blooio.logging.include-bodies is on: request and response bodies of Blooio API calls,"
					+ " with personal data such as phone numbers and message text, are logged at DEBUG level by"
					+ " com.blooio.spring.client.internal.ApiClient (secrets masked). Turn it off once you are done debugging.");
		}
		return new BlooioTemplate(() -> {
			WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}, properties.toClientSettings(connectionDetails));
	}

	/**
	 * Gives the Blooio client a connector built like the application's own (same HTTP
	 * library, SSL and other HTTP client settings, through Boot's
	 * {@link ClientHttpConnectorBuilder}) that follows no redirect and applies
	 * {@code blooio.connect-timeout} when set. Boot's connectors follow redirects by
	 * default, which for Blooio would carry a message and its {@code Idempotency-Key} to
	 * whatever host a redirect names.
	 * <p>
	 * A {@link ClientHttpConnector} bean the application defined itself (a proxy, a
	 * wiretap) is kept when {@code blooio.connect-timeout} is unset; with Reactor Netty
	 * the client then still refuses a redirect to another host before sending anything.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpConnectorBuilder.class)
	static class ConnectorConfiguration {

		/**
		 * Name under which Boot's own connector bean is defined: the auto-configuration
		 * class that defines it.
		 */
		private static final String BOOT_CONNECTOR_CONFIGURATION = "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration";

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		BlooioWebClientCustomizer blooioConnectorCustomizer(BlooioProperties properties,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ResourceLoader resourceLoader,
				ConfigurableListableBeanFactory beanFactory) {
			return (builder) -> {
				Duration connectTimeout = properties.getConnectTimeout();
				if (connectTimeout == null && applicationDefinesConnector(beanFactory)) {
					return;
				}
				ClientHttpConnectorBuilder<?> connectors = connectorBuilder
					.getIfAvailable(() -> detect(resourceLoader.getClassLoader()));
				if (connectors != null) {
					HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
						.withRedirects(HttpRedirects.DONT_FOLLOW);
					if (connectTimeout != null) {
						settings = settings.withConnectTimeout(connectTimeout);
					}
					builder.clientConnector(connectors.build(settings));
				}
			};
		}

		private static boolean applicationDefinesConnector(ConfigurableListableBeanFactory beanFactory) {
			for (String name : beanFactory.getBeanNamesForType(ClientHttpConnector.class, true, false)) {
				if (!beanFactory.containsBeanDefinition(name) || !BOOT_CONNECTOR_CONFIGURATION
					.equals(beanFactory.getBeanDefinition(name).getFactoryBeanName())) {
					return true;
				}
			}
			return false;
		}

		private static @Nullable ClientHttpConnectorBuilder<?> detect(@Nullable ClassLoader classLoader) {
			try {
				return ClientHttpConnectorBuilder.detect(classLoader);
			}
			catch (IllegalStateException ex) {
				// No supported HTTP library: keep the builder's connector
				return null;
			}
		}

	}

}
