package com.blooio.spring.autoconfigure.webhook.reactive;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.endpoint.WebFluxWebhookEndpoint;

/**
 * Registers the Blooio webhook route in WebFlux applications, at
 * {@code blooio.webhook.path}.
 * <p>
 * Listeners run on Boot's application task executor ({@code applicationTaskExecutor},
 * tuned with {@code spring.task.execution.*}, virtual threads with
 * {@code spring.threads.virtual.enabled}), or on Reactor's bounded elastic scheduler when
 * the application has none. A shared queue with a few threads hands deliveries over far
 * more cheaply than the bounded elastic scheduler, which wakes a parked thread for nearly
 * every delivery (see BENCHMARKS.md).
 *
 * @since 0.1.0
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
			BlooioWebhookHandler handler, BeanFactory beanFactory) {
		String path = properties.getWebhook().getPath();
		logger.info("Blooio webhook endpoint mapped at POST " + path);
		return RouterFunctions.route(RequestPredicates.path(path), new WebFluxWebhookEndpoint(handler,
				properties.getWebhook().getMaxBodySize().toBytes(), listenerScheduler(beanFactory)));
	}

	private static Scheduler listenerScheduler(BeanFactory beanFactory) {
		String name = TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME;
		if (!beanFactory.containsBean(name) || !beanFactory.isTypeMatch(name, Executor.class)) {
			return Schedulers.boundedElastic();
		}
		// looked up on the first delivery: Boot creates the executor lazily
		Supplier<Executor> executor = SingletonSupplier.of(() -> beanFactory.getBean(name, Executor.class));
		return Schedulers.fromExecutor((task) -> executor.get().execute(task));
	}

}
