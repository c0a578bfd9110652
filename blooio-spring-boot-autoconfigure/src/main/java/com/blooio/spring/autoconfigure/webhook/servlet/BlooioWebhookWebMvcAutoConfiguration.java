package com.blooio.spring.autoconfigure.webhook.servlet;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.endpoint.WebMvcWebhookEndpoint;

/**
 * Registers the Blooio webhook endpoint in Spring MVC (servlet) applications, at
 * {@code blooio.webhook.path}. With both stacks on the classpath Spring Boot runs a
 * servlet application, and this endpoint serves it.
 * <p>
 * The endpoint is mapped by a handler mapping of its own that matches that one path, not
 * by a functional route: with any route in the application, Spring MVC builds a
 * functional request for every request, which fails with a 500 on every path for a
 * wildcard {@code Content-Type} (see {@link WebMvcWebhookEndpoint}). The mapping comes
 * before functional routes and annotated controllers. Listeners run on the request
 * thread, which the servlet container already bounds.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BlooioWebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SimpleUrlHandlerMapping.class)
@ConditionalOnBean(BlooioWebhookHandler.class)
public final class BlooioWebhookWebMvcAutoConfiguration {

	/**
	 * Order of the webhook's handler mapping: just before Spring MVC's functional routes
	 * (order -1), so that the webhook path keeps the precedence over annotated
	 * controllers (order 0) that its route had, and the application's own routes are
	 * never asked about it.
	 */
	static final int HANDLER_MAPPING_ORDER = -2;

	private static final Log logger = LogFactory.getLog(BlooioWebhookWebMvcAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(name = "blooioWebhookHandlerMapping")
	SimpleUrlHandlerMapping blooioWebhookHandlerMapping(BlooioProperties properties, BlooioWebhookHandler handler) {
		String path = properties.getWebhook().getPath();
		logger.info("Blooio webhook endpoint mapped at POST " + path);
		WebMvcWebhookEndpoint endpoint = new WebMvcWebhookEndpoint(handler,
				properties.getWebhook().getMaxBodySize().toBytes());
		return new SimpleUrlHandlerMapping(Map.of(path, endpoint), HANDLER_MAPPING_ORDER);
	}

}
