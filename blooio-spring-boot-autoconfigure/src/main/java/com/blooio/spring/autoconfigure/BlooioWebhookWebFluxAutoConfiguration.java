package com.blooio.spring.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebFluxWebhookEndpoint;

/**
 * Registers the Blooio webhook route in WebFlux applications, at
 * {@code blooio.webhook.path}.
 */
@AutoConfiguration(after = BlooioWebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(BlooioWebhookHandler.class)
public final class BlooioWebhookWebFluxAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BlooioWebhookWebFluxAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(name = "blooioWebhookRouterFunction")
	RouterFunction<ServerResponse> blooioWebhookRouterFunction(BlooioProperties properties,
			BlooioWebhookHandler handler) {
		String path = properties.getWebhook().getPath();
		logger.info("Blooio webhook endpoint mapped at POST " + path);
		return RouterFunctions.route(RequestPredicates.path(path),
				new WebFluxWebhookEndpoint(handler, properties.getWebhook().getMaxBodySize().toBytes()));
	}

}
