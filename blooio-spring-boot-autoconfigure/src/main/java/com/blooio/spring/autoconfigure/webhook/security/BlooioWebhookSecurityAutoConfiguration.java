package com.blooio.spring.autoconfigure.webhook.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.webhook.BlooioWebhookHandler;

/**
 * Auto-configuration of the Spring Security helper for the webhook endpoint: a
 * {@link BlooioWebhookSecurity} (servlet) or {@link BlooioWebhookServerSecurity}
 * (WebFlux) bean that the application calls in its own security chain. Nothing is applied
 * to any chain automatically, and no security filter chain is registered: Spring Boot's
 * default chain and the application's own stay exactly as configured.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { BlooioWebhookWebMvcAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class })
// Both stacks need spring-security-config: without it, Boot drops this class before
// parsing it
@ConditionalOnClass(name = "org.springframework.security.config.Customizer")
public final class BlooioWebhookSecurityAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ HttpSecurity.class, PathPatternRequestMatcher.class,
			org.springframework.web.servlet.handler.SimpleUrlHandlerMapping.class })
	@ConditionalOnBean(BlooioWebhookHandler.class)
	static class ServletWebhookSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BlooioWebhookSecurity blooioWebhookSecurity(BlooioProperties properties,
				ObjectProvider<PathPatternRequestMatcher.Builder> requestMatchers) {
			// Boot's builder prefixes spring.mvc.servlet.path, where the endpoint is
			// served
			return new BlooioWebhookSecurity(requestMatchers.getIfAvailable(PathPatternRequestMatcher::withDefaults),
					properties.getWebhook().getPath());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ ServerHttpSecurity.class, ServerWebExchangeMatchers.class,
			org.springframework.web.reactive.function.server.RouterFunction.class })
	@ConditionalOnBean(BlooioWebhookHandler.class)
	static class ReactiveWebhookSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BlooioWebhookServerSecurity blooioWebhookServerSecurity(BlooioProperties properties) {
			return new BlooioWebhookServerSecurity(properties.getWebhook().getPath());
		}

	}

}
