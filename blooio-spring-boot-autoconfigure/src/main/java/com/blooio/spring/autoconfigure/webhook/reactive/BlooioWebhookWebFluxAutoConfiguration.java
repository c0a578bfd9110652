package com.blooio.spring.autoconfigure.webhook.reactive;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.endpoint.BoundedListenerExecutor;
import com.blooio.spring.webhook.endpoint.WebFluxWebhookEndpoint;

/**
 * Registers the Blooio webhook route in WebFlux applications, at
 * {@code blooio.webhook.path}.
 * <p>
 * Listeners run on a {@link BoundedListenerExecutor} of the endpoint's own: at most
 * {@code blooio.webhook.listener.concurrency} deliveries at once, at most
 * {@code blooio.webhook.listener.queue-capacity} more waiting, and further ones answered
 * 503 {@code overloaded} with {@code Retry-After} at once. Its threads are platform
 * threads started by the first deliveries, or a virtual thread per delivery when
 * {@code spring.threads.virtual.enabled} is set (Java 21 and later). Boot's
 * {@code applicationTaskExecutor} is not used: its queue is unbounded, so under overload
 * deliveries waited there until Blooio gave up on them, and it is shared with the
 * application's other asynchronous work. The executor is closed with the application
 * context.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = BlooioWebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(BlooioWebhookHandler.class)
public final class BlooioWebhookWebFluxAutoConfiguration {

	static final String THREAD_NAME_PREFIX = "blooio-webhook-";

	private static final Log logger = LogFactory.getLog(BlooioWebhookWebFluxAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	BoundedListenerExecutor blooioWebhookListenerExecutor(BlooioProperties properties, Environment environment) {
		BlooioProperties.Listener listener = properties.getWebhook().getListener();
		if (Threading.VIRTUAL.isActive(environment)) {
			return BoundedListenerExecutor.threadPerTask(new VirtualThreadTaskExecutor(THREAD_NAME_PREFIX),
					listener.getConcurrency(), listener.getQueueCapacity());
		}
		CustomizableThreadFactory threads = new CustomizableThreadFactory(THREAD_NAME_PREFIX);
		// as Reactor's: idle threads of a context never closed must not keep the JVM
		// alive (the context closes the executor otherwise)
		threads.setDaemon(true);
		return BoundedListenerExecutor.platformThreads(listener.getConcurrency(), listener.getQueueCapacity(), threads);
	}

	@Bean
	@ConditionalOnMissingBean(name = "blooioWebhookRouterFunction")
	RouterFunction<ServerResponse> blooioWebhookRouterFunction(BlooioProperties properties,
			BlooioWebhookHandler handler, BoundedListenerExecutor listenerExecutor) {
		String path = properties.getWebhook().getPath();
		logger.info("Blooio webhook endpoint mapped at POST " + path + "; listeners run "
				+ listenerExecutor.getConcurrency() + " at once, " + listenerExecutor.getQueueCapacity()
				+ " more wait");
		return RouterFunctions.route(RequestPredicates.path(path), new WebFluxWebhookEndpoint(handler,
				properties.getWebhook().getMaxBodySize().toBytes(), listenerExecutor::execute));
	}

}
