package com.blooio.spring.autoconfigure.webhook.servlet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.endpoint.WebMvcWebhookEndpoint;

/**
 * Registers the Blooio webhook route in Spring MVC (servlet) applications, at
 * {@code blooio.webhook.path}. With both stacks on the classpath Spring Boot runs a
 * servlet application, and this route serves it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BlooioWebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(BlooioWebhookHandler.class)
public final class BlooioWebhookWebMvcAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BlooioWebhookWebMvcAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(name = "blooioWebhookRouterFunction")
	RouterFunction<ServerResponse> blooioWebhookRouterFunction(BlooioProperties properties,
			BlooioWebhookHandler handler) {
		String path = properties.getWebhook().getPath();
		logger.info("Blooio webhook endpoint mapped at POST " + path);
		return RouterFunctions.route(RequestPredicates.path(path),
				new WebMvcWebhookEndpoint(handler, properties.getWebhook().getMaxBodySize().toBytes()));
	}

}
