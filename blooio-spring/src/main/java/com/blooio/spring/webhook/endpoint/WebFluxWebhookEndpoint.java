package com.blooio.spring.webhook.endpoint;

import java.util.concurrent.Executor;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookDeliveryObserver;
import com.blooio.spring.webhook.WebhookOutcome;

/**
 * The webhook endpoint for Spring WebFlux. Reads the body up to the maximum size (larger
 * bodies are refused while reading), then hands it to the {@link BlooioWebhookHandler},
 * whose listeners run on a worker scheduler, never on the event loop, so they may block.
 * When the de-duplication store claims without blocking (in memory, or Redis through
 * Lettuce), the signature check, the parsing and the claim happen on the event loop and
 * only a claimed delivery is handed over; otherwise the whole delivery runs on the
 * worker. When the worker scheduler refuses the task, the delivery is answered 503
 * ({@link WebhookOutcome#OVERLOADED}) at once, so that Blooio delivers it again later:
 * give it a bounded one, such as a {@link BoundedListenerExecutor}
 * ({@code executor::execute}), which the Spring Boot auto-configuration does. Requests
 * refused before the pipeline runs (wrong method or media type, body too large) are
 * reported to the handler's {@link WebhookDeliveryObserver} like every other outcome.
 *
 * @since 0.1.0
 */
public class WebFluxWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private static final byte[] NO_BODY = new byte[0];

	private final BlooioWebhookHandler handler;

	private final long maxBodyBytes;

	private final Executor listeners;

	/**
	 * Creates an endpoint that runs listeners on {@link Schedulers#boundedElastic()},
	 * whose queue holds up to 100,000 tasks: under overload deliveries wait there until
	 * Blooio gives up on them, rather than being answered 503.
	 * @param handler the delivery pipeline
	 * @param maxBodyBytes the largest body accepted
	 */
	public WebFluxWebhookEndpoint(BlooioWebhookHandler handler, long maxBodyBytes) {
		this(handler, maxBodyBytes, Schedulers.boundedElastic());
	}

	/**
	 * Creates an endpoint.
	 * @param handler the delivery pipeline
	 * @param maxBodyBytes the largest body accepted
	 * @param listenerScheduler where the listeners run (with the whole pipeline unless
	 * the de-duplication store claims without blocking); it must not run them on the
	 * event loop unless they never block
	 */
	public WebFluxWebhookEndpoint(BlooioWebhookHandler handler, long maxBodyBytes, Scheduler listenerScheduler) {
		this.handler = handler;
		this.maxBodyBytes = maxBodyBytes;
		// Scheduler.schedule throws RejectedExecutionException when it refuses a task
		this.listeners = listenerScheduler::schedule;
	}

	/**
	 * Creates an endpoint whose listeners run on an executor, such as a
	 * {@link BoundedListenerExecutor}. A refusal is answered 503 without more ado: a
	 * Reactor scheduler made from the executor ({@code Schedulers.fromExecutor}) would
	 * also log every refused task as an error, with its stack trace, under overload.
	 * @param handler the delivery pipeline
	 * @param maxBodyBytes the largest body accepted
	 * @param listeners where the listeners run (with the whole pipeline unless the
	 * de-duplication store claims without blocking); it refuses a task by throwing
	 * {@link java.util.concurrent.RejectedExecutionException}, and must not run it on the
	 * event loop unless listeners never block
	 */
	public WebFluxWebhookEndpoint(BlooioWebhookHandler handler, long maxBodyBytes, Executor listeners) {
		this.handler = handler;
		this.maxBodyBytes = maxBodyBytes;
		this.listeners = listeners;
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		HttpHeaders headers = request.headers().asHttpHeaders();
		WebhookOutcome early = WebhookRequests.rejectEarly(request.method(), headers, this.maxBodyBytes);
		if (early != null) {
			return respond(this.handler.refuse(early));
		}
		return DataBufferUtils
			.join(request.body(BodyExtractors.toDataBuffers()), (int) Math.min(this.maxBodyBytes, Integer.MAX_VALUE))
			.map(WebFluxWebhookEndpoint::toBytes)
			.defaultIfEmpty(NO_BODY)
			.flatMap((body) -> Mono.fromCompletionStage(this.handler.handle(headers, body, this.listeners)))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> Mono.just(this.handler.refuse(WebhookOutcome.TOO_LARGE)))
			.flatMap(WebFluxWebhookEndpoint::respond);
	}

	private static Mono<ServerResponse> respond(WebhookOutcome outcome) {
		ServerResponse.BodyBuilder response = ServerResponse.status(outcome.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (outcome == WebhookOutcome.METHOD_NOT_ALLOWED) {
			response.allow(HttpMethod.POST);
		}
		if (outcome.retryAfterSeconds() > 0) {
			response.header(HttpHeaders.RETRY_AFTER, Integer.toString(outcome.retryAfterSeconds()));
		}
		byte[] body = WebhookResponses.body(outcome);
		// written as it is: looking up a message writer for every answer costs a
		// measurable share of a delivery
		return response.contentLength(body.length)
			.body((message, context) -> message.writeWith(Mono.just(message.bufferFactory().wrap(body))));
	}

	private static byte[] toBytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
