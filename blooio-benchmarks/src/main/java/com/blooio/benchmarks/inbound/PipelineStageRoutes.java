package com.blooio.benchmarks.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import com.blooio.benchmarks.support.AcceptingStore;
import com.blooio.benchmarks.support.WebhookDeliveries;
import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookOutcome;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.endpoint.WebFluxWebhookEndpoint;
import com.blooio.spring.webhook.endpoint.WebMvcWebhookEndpoint;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

/**
 * Diagnostic routes: the starter's endpoint with the pipeline cut short after each stage,
 * to tell what each stage costs inside a loaded server. {@code stage-endpoint} answers
 * {@code handled} without running the pipeline; {@code stage-parse} parses and keys the
 * delivery (no signature check); {@code stage-verify-parse} also verifies the signature;
 * {@code stage-no-publish} also claims the delivery in a de-duplication store of its own,
 * and only publishing is left out. On WebFlux they run on the event loop: compare them
 * with {@code webhook-on-event-loop}; on servlet with {@code webhook}.
 */
final class PipelineStageRoutes {

	static final String ENDPOINT_ONLY = "/bench/stage/endpoint";

	static final String PARSE = "/bench/stage/parse";

	static final String VERIFY_PARSE = "/bench/stage/verify-parse";

	static final String NO_PUBLISH = "/bench/stage/no-publish";

	private PipelineStageRoutes() {
	}

	/**
	 * Returns the routes by target name, in the order the pipeline adds the stages.
	 */
	static Map<String, String> targets() {
		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("stage-endpoint", ENDPOINT_ONLY);
		targets.put("stage-parse", PARSE);
		targets.put("stage-verify-parse", VERIFY_PARSE);
		targets.put("stage-no-publish", NO_PUBLISH);
		return targets;
	}

	private static final ApplicationEventPublisher DISCARD = (event) -> {
	};

	private static WebhookSignatureVerifier verifier() {
		return new WebhookSignatureVerifier(List.of(WebhookDeliveries.SECRET),
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, Clock.systemUTC());
	}

	static BlooioWebhookHandler endpointOnly() {
		return new BlooioWebhookHandler(null, new AcceptingStore(), DISCARD) {
			@Override
			public WebhookOutcome handle(HttpHeaders headers, byte[] body) {
				return WebhookOutcome.HANDLED;
			}
		};
	}

	static BlooioWebhookHandler parse() {
		return new BlooioWebhookHandler(null, new AcceptingStore(), DISCARD);
	}

	static BlooioWebhookHandler verifyParse() {
		return new BlooioWebhookHandler(verifier(), new AcceptingStore(), DISCARD);
	}

	static BlooioWebhookHandler noPublish() {
		return new BlooioWebhookHandler(verifier(), new InMemoryWebhookDeduplicationStore(10_000, Duration.ofHours(24)),
				DISCARD);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class WebFlux {

		@Bean
		@Order(0)
		RouterFunction<ServerResponse> stageRoutes(BlooioProperties properties) {
			long max = properties.getWebhook().getMaxBodySize().toBytes();
			return RouterFunctions.route()
				.POST(ENDPOINT_ONLY, new WebFluxWebhookEndpoint(endpointOnly(), max, Schedulers.immediate()))
				.POST(PARSE, new WebFluxWebhookEndpoint(parse(), max, Schedulers.immediate()))
				.POST(VERIFY_PARSE, new WebFluxWebhookEndpoint(verifyParse(), max, Schedulers.immediate()))
				.POST(NO_PUBLISH, new WebFluxWebhookEndpoint(noPublish(), max, Schedulers.immediate()))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Servlet {

		// mapped as the starter maps its endpoint on servlet
		@Bean
		SimpleUrlHandlerMapping stageMapping(BlooioProperties properties) {
			long max = properties.getWebhook().getMaxBodySize().toBytes();
			Map<String, Object> endpoints = new LinkedHashMap<>();
			endpoints.put(ENDPOINT_ONLY, new WebMvcWebhookEndpoint(endpointOnly(), max));
			endpoints.put(PARSE, new WebMvcWebhookEndpoint(parse(), max));
			endpoints.put(VERIFY_PARSE, new WebMvcWebhookEndpoint(verifyParse(), max));
			endpoints.put(NO_PUBLISH, new WebMvcWebhookEndpoint(noPublish(), max));
			return new SimpleUrlHandlerMapping(endpoints, -2);
		}

	}

}
