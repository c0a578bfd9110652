package com.blooio.benchmarks.inbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.blooio.benchmarks.support.Args;
import com.blooio.benchmarks.support.ClosedLoad;
import com.blooio.benchmarks.support.Report;
import com.blooio.benchmarks.support.WebhookDeliveries;
import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.endpoint.BoundedListenerExecutor;
import com.blooio.spring.webhook.endpoint.WebFluxWebhookEndpoint;

/**
 * The application under inbound load, on WebFlux (Netty) or servlet (Tomcat): the
 * starter's webhook endpoint at {@code /blooio/webhook} publishing to one listener, and
 * in the same application a bare route at {@value #BARE_PATH} that reads the body and
 * answers 200, plus {@value #STATS_PATH} reporting how many events were published and how
 * much CPU time the server used.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ InboundServerApp.WebFluxRoutes.class, InboundServerApp.ServletRoutes.class, PipelineStageRoutes.WebFlux.class,
		PipelineStageRoutes.Servlet.class, StoreRoutes.class })
public class InboundServerApp {

	/** The bare route. */
	public static final String BARE_PATH = "/bench/bare";

	/**
	 * The bare route answering 200 with the same small JSON body as the starter's
	 * endpoint ({@code {"outcome":"handled"}}), written the same way (pre-encoded bytes,
	 * no message writer or converter), to tell the cost of writing that body.
	 */
	public static final String JSON_BARE_PATH = "/bench/bare-json";

	private static final byte[] HANDLED = "{\"outcome\":\"handled\"}".getBytes(StandardCharsets.UTF_8);

	/**
	 * WebFlux only: the starter's endpoint running the pipeline on the event loop instead
	 * of a worker thread, to tell the cost of the thread hop from that of the pipeline.
	 */
	public static final String INLINE_WEBHOOK_PATH = "/bench/webhook-on-event-loop";

	/**
	 * WebFlux only: the bare route with a hop to Reactor's bounded elastic scheduler
	 * (where the starter's endpoint ran listeners before it used the application task
	 * executor).
	 */
	public static final String OFFLOADED_BARE_PATH = "/bench/bare-offloaded";

	/**
	 * WebFlux only: the bare route with a hop to Boot's application task executor (where
	 * the starter's endpoint ran listeners before it had a bounded executor of its own).
	 */
	public static final String TASK_EXECUTOR_BARE_PATH = "/bench/bare-offloaded-task-executor";

	/**
	 * WebFlux only: the bare route with the same hop as the starter's endpoint, to its
	 * bounded listener executor.
	 */
	public static final String LISTENER_EXECUTOR_BARE_PATH = "/bench/bare-offloaded-listener-executor";

	/** The targets a full run compares (those a stack lacks are left out). */
	static final List<String> DEFAULT_TARGETS = List.of("webhook", "bare-json", "webhook-on-event-loop",
			"bare-offloaded-listener-executor");

	/** Targets whose accepted deliveries are published. */
	static final Set<String> PUBLISHING = Set.of("webhook", "webhook-on-event-loop", "store-memory", "store-redis",
			"store-jdbc");

	/** The route answering the published count and the CPU time used. */
	public static final String STATS_PATH = "/bench/published";

	/**
	 * Returns every route the load generator can compare, by name, for a stack;
	 * {@code bare} is the baseline.
	 * @param stack {@code webflux} or {@code servlet}
	 * @return paths by target name
	 */
	static Map<String, String> targets(String stack) {
		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("webhook", "/blooio/webhook");
		targets.put("bare", BARE_PATH);
		targets.put("bare-json", JSON_BARE_PATH);
		if (stack.equals("webflux")) {
			targets.put("webhook-on-event-loop", INLINE_WEBHOOK_PATH);
			targets.put("bare-offloaded-listener-executor", LISTENER_EXECUTOR_BARE_PATH);
			targets.put("bare-offloaded-task-executor", TASK_EXECUTOR_BARE_PATH);
			targets.put("bare-offloaded", OFFLOADED_BARE_PATH);
		}
		targets.putAll(PipelineStageRoutes.targets());
		if (stack.equals("webflux")) {
			targets.putAll(StoreRoutes.targets());
		}
		return targets;
	}

	/**
	 * Returns the routes to compare.
	 * @param stack {@code webflux} or {@code servlet}
	 * @param selection {@code default} (the endpoint, the baselines and the diagnostic
	 * routes of the thread hop), {@code all}, or target names separated by commas (the
	 * baseline is always included)
	 * @return paths by target name
	 */
	static Map<String, String> targets(String stack, String selection) {
		Map<String, String> targets = targets(stack);
		List<String> names = switch (selection) {
			// the store routes exist only in a server started with --stores
			case "all" -> targets.keySet().stream().filter((name) -> !StoreRoutes.targets().containsKey(name)).toList();
			case "default" -> DEFAULT_TARGETS;
			default -> List.of(selection.split(","));
		};
		for (String name : names) {
			if (!targets.containsKey(name) && !DEFAULT_TARGETS.contains(name)) {
				throw new IllegalArgumentException("Unknown target '" + name + "'; targets are " + targets.keySet());
			}
		}
		targets.keySet().removeIf((name) -> !name.equals("bare") && !names.contains(name));
		return targets;
	}

	@Bean
	DeliveryCounter deliveryCounter() {
		return new DeliveryCounter();
	}

	/**
	 * Starts the application.
	 * @param stack {@code webflux} or {@code servlet}
	 * @param extraProperties more properties
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(String stack, Map<String, Object> extraProperties) {
		WebApplicationType type = switch (stack) {
			case "webflux" -> WebApplicationType.REACTIVE;
			case "servlet" -> WebApplicationType.SERVLET;
			default -> throw new IllegalArgumentException("stack must be webflux or servlet, not " + stack);
		};
		return new SpringApplicationBuilder(InboundServerApp.class).web(type)
			.properties(Map.of("server.port", "0", "server.address", "127.0.0.1", "blooio.webhook.secret",
					WebhookDeliveries.SECRET, "spring.main.banner-mode", "off", "logging.level.root", "warn"))
			.properties(extraProperties)
			.run();
	}

	public static void main(String[] arguments) throws InterruptedException {
		Args args = Args.parse(arguments);
		// --stores adds the routes of the store comparison, which start Redis and
		// PostgreSQL
		Map<String, Object> extra = args.flag("stores") ? Map.of("bench.stores", "true") : Map.of();
		ConfigurableApplicationContext context = start(args.require("stack"), extra);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Report.ready("port", port);
		new CountDownLatch(1).await();
	}

	/**
	 * Returns the published count and the CPU time this JVM used so far, in nanoseconds.
	 */
	static String stats(DeliveryCounter counter) {
		return counter.published() + " " + ClosedLoad.processCpuNanos();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class WebFluxRoutes {

		@Bean
		RouterFunction<ServerResponse> benchmarkRoutes(DeliveryCounter counter, BlooioWebhookHandler handler,
				BlooioProperties properties, @Qualifier("applicationTaskExecutor") Executor taskExecutor,
				BoundedListenerExecutor listenerExecutor) {
			Scheduler taskScheduler = Schedulers.fromExecutor(taskExecutor);
			Scheduler listenerScheduler = Schedulers.fromExecutor(listenerExecutor::execute);
			long maxBodyBytes = properties.getWebhook().getMaxBodySize().toBytes();
			return RouterFunctions.route()
				.POST(BARE_PATH,
						(request) -> request.bodyToMono(byte[].class)
							.defaultIfEmpty(new byte[0])
							.flatMap((body) -> ServerResponse.ok().build()))
				.POST(JSON_BARE_PATH,
						(request) -> request.bodyToMono(byte[].class)
							.defaultIfEmpty(new byte[0])
							.flatMap((body) -> ServerResponse.ok()
								.contentType(MediaType.APPLICATION_JSON)
								.contentLength(HANDLED.length)
								.body((message, context) -> message
									.writeWith(Mono.just(message.bufferFactory().wrap(HANDLED))))))
				.POST(INLINE_WEBHOOK_PATH, new WebFluxWebhookEndpoint(handler, maxBodyBytes, Schedulers.immediate()))
				.POST(OFFLOADED_BARE_PATH,
						(request) -> request.bodyToMono(byte[].class)
							.defaultIfEmpty(new byte[0])
							.publishOn(Schedulers.boundedElastic())
							.flatMap((body) -> ServerResponse.ok().build()))
				.POST(TASK_EXECUTOR_BARE_PATH,
						(request) -> request.bodyToMono(byte[].class)
							.defaultIfEmpty(new byte[0])
							.publishOn(taskScheduler)
							.flatMap((body) -> ServerResponse.ok().build()))
				.POST(LISTENER_EXECUTOR_BARE_PATH,
						(request) -> request.bodyToMono(byte[].class)
							.defaultIfEmpty(new byte[0])
							.publishOn(listenerScheduler)
							.flatMap((body) -> ServerResponse.ok().build()))
				.GET(STATS_PATH, (request) -> ServerResponse.ok().bodyValue(stats(counter)))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletRoutes {

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> benchmarkRoutes(
				DeliveryCounter counter) {
			return org.springframework.web.servlet.function.RouterFunctions.route().POST(BARE_PATH, (request) -> {
				readBody(request);
				return org.springframework.web.servlet.function.ServerResponse.ok().build();
			}).POST(JSON_BARE_PATH, (request) -> {
				readBody(request);
				return org.springframework.web.servlet.function.ServerResponse.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.build((servletRequest, servletResponse) -> {
						servletResponse.setContentLength(HANDLED.length);
						servletResponse.getOutputStream().write(HANDLED);
						return null;
					});
			})
				.GET(STATS_PATH,
						(request) -> org.springframework.web.servlet.function.ServerResponse.ok().body(stats(counter)))
				.build();
		}

		private static void readBody(org.springframework.web.servlet.function.ServerRequest request)
				throws IOException {
			request.servletRequest().getInputStream().readAllBytes();
		}

	}

}
