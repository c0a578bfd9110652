package com.blooio.spring.client.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.exception.BlooioException;
import com.blooio.spring.client.exception.BlooioInvalidResponseException;
import com.blooio.spring.client.exception.BlooioRedirectException;
import com.blooio.spring.client.observation.ApiCallTags;

/**
 * Executes {@link ApiRequest}s: one WebClient exchange per attempt, bounded by one
 * deadline, error statuses mapped to exceptions, transient failures retried, redirects
 * never followed.
 * <p>
 * At DEBUG level this class's logger records every attempt: operation, attempt number,
 * method, path template, status and duration; with
 * {@link BlooioClientSettings#logBodies()} also the URI and the bodies, secrets masked.
 * Headers, and so the API key, are never logged.
 *
 * @since 0.1.0
 */
public final class ApiClient {

	private static final Log logger = LogFactory.getLog(ApiClient.class);

	/**
	 * Read by Spring's WebClient observation (DefaultWebClient) as the template behind
	 * the low-cardinality {@code uri} tag.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	static final byte[] NO_BODY = new byte[0];

	private static final List<MediaType> ACCEPT_JSON = List.of(MediaType.APPLICATION_JSON);

	/**
	 * Built on the first attempt, once (concurrent first attempts wait); a failed build
	 * is not remembered, and since attempts run inside {@code Mono.defer} it ends that
	 * call's publisher with the error.
	 */
	private final SingletonSupplier<WebClient> webClient;

	private final ApiJson json;

	private final BlooioClientSettings settings;

	private final ApiErrors errors;

	private final RetryPolicy retryPolicy;

	private final LoggedBodies loggedBodies;

	private final AttemptTimeout timeout;

	/**
	 * Creates a client whose WebClient is built on the first attempt.
	 */
	ApiClient(Supplier<WebClient> webClient, BlooioClientSettings settings, ApiJson json, Clock clock) {
		// the filter records Blooio's error code while WebClient still observes the
		// exchange
		this.webClient = SingletonSupplier
			.of(() -> webClient.get().mutate().filter(new ErrorCodeFilter(json, MAX_RESPONSE_BYTES)).build());
		this.json = json;
		this.settings = settings;
		SecretMasking masking = new SecretMasking(json, settings.apiKey());
		this.errors = new ApiErrors(json, masking, clock);
		this.retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff());
		this.loggedBodies = new LoggedBodies(masking);
		this.timeout = new AttemptTimeout(settings.responseTimeout());
	}

	/**
	 * Returns the settings the client was created with.
	 * @return the settings
	 */
	public BlooioClientSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the JSON dialect bodies are written in.
	 * @return the JSON support
	 */
	public ApiJson json() {
		return this.json;
	}

	/**
	 * Executes the request and reads the body as the given type.
	 */
	<T> Mono<T> retrieve(ApiRequest request, Class<T> type) {
		return retrieve(request, (response) -> this.json.read(response.body(), type));
	}

	/**
	 * Executes the request and reads the response with the given reader; a body that
	 * cannot be read fails with {@link BlooioInvalidResponseException}.
	 * @param <T> the type read
	 * @param request the request
	 * @param reader reads the response
	 * @return what the reader read
	 */
	public <T> Mono<T> retrieve(ApiRequest request, Function<ApiResponse, T> reader) {
		return exchange(request).map((response) -> {
			try {
				return reader.apply(response);
			}
			catch (RuntimeException ex) {
				throw new BlooioInvalidResponseException(request.operation(), response.status(), ex);
			}
		});
	}

	/**
	 * Executes the request, retrying per the {@link RetryPolicy}; emits the successful
	 * response or the last attempt's failure.
	 * @param request the request
	 * @return the response
	 */
	public Mono<ApiResponse> exchange(ApiRequest request) {
		return Mono.defer(() -> {
			AtomicInteger attempts = new AtomicInteger();
			return Mono.defer(() -> attempt(request, attempts.incrementAndGet()))
				.retryWhen(this.retryPolicy.forRequest(request));
		});
	}

	private Mono<ApiResponse> attempt(ApiRequest request, int attempt) {
		WebClient.RequestBodySpec spec = this.webClient.obtain()
			.method(request.method())
			.uri(request.uri())
			.attribute(URI_TEMPLATE_ATTRIBUTE, request.uriTemplate())
			.attribute(ApiCallTags.ATTRIBUTE,
					new ApiCallTags(request.operation(), request.baseUrl(), request.uriTemplate()))
			.headers((headers) -> applyHeaders(headers, request));
		AttemptTimeout.Deadline deadline = this.timeout.start();
		Mono<ApiResponse> exchange = withBody(deadline.onConnection(spec), request)
			.exchangeToMono((response) -> readFully(request, response));
		Mono<ApiResponse> responses = deadline.bound(exchange)
			.onErrorMap(
					(failure) -> this.errors.translate(request, failure, deadline.expired(), this.timeout.duration()));
		if (logger.isDebugEnabled()) {
			responses = logged(responses, request, attempt);
		}
		return responses.flatMap((response) -> response.isError()
				? Mono.error(this.errors.toException(request, response)) : Mono.just(response));
	}

	private Mono<ApiResponse> logged(Mono<ApiResponse> responses, ApiRequest request, int attempt) {
		long start = System.nanoTime();
		// operators may cancel after the outcome was logged; only a bare cancel is news
		AtomicBoolean outcomeLogged = new AtomicBoolean();
		return responses.doOnNext((response) -> {
			outcomeLogged.set(true);
			logger.debug(describe(request, attempt) + " -> " + response.status() + " in " + elapsedMillis(start) + " ms"
					+ bodies(request, response));
		}).doOnError((failure) -> {
			outcomeLogged.set(true);
			logger.debug(describe(request, attempt) + " failed after " + elapsedMillis(start) + " ms: "
					+ describe(failure) + bodies(request, null));
		}).doOnCancel(() -> {
			if (!outcomeLogged.get()) {
				logger.debug(describe(request, attempt) + " cancelled after " + elapsedMillis(start) + " ms");
			}
		});
	}

	private static String describe(ApiRequest request, int attempt) {
		return "Blooio " + request.operation() + " attempt " + attempt + ": " + request.method().name() + " "
				+ request.uriTemplate();
	}

	/**
	 * Describes a failure without its cause, whose message may hold the request URI.
	 */
	private static String describe(Throwable failure) {
		return (failure instanceof BlooioException) ? failure.getMessage() : failure.getClass().getName();
	}

	private String bodies(ApiRequest request, @Nullable ApiResponse response) {
		if (!this.settings.logBodies()) {
			return "";
		}
		String logged = "; uri: " + request.uri() + "; request body: " + this.loggedBodies.request(request);
		return (response != null) ? logged + "; response body: " + this.loggedBodies.response(response.body()) : logged;
	}

	private static long elapsedMillis(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static WebClient.RequestHeadersSpec<?> withBody(WebClient.RequestBodySpec spec, ApiRequest request) {
		byte[] body = request.body();
		if (body != null) {
			return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		if (request.multipart() != null) {
			// the multipart writer sets Content-Type with a fresh boundary per attempt
			return spec.body(BodyInserters.fromMultipartData(request.multipart()));
		}
		return spec;
	}

	private void applyHeaders(HttpHeaders headers, ApiRequest request) {
		headers.setBearerAuth(this.settings.apiKey());
		headers.setAccept(ACCEPT_JSON);
		if (request.idempotencyKey() != null) {
			headers.set("Idempotency-Key", request.idempotencyKey());
		}
	}

	private Mono<ApiResponse> readFully(ApiRequest request, ClientResponse response) {
		int status = response.statusCode().value();
		if (response.statusCode().is3xxRedirection()) {
			String target = RedirectRefusal.target(response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION));
			return response.releaseBody()
				.then(Mono.error(new BlooioRedirectException(request.operation(), status, target)));
		}
		String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_RESPONSE_BYTES)
			.map(ApiClient::toBytes)
			.defaultIfEmpty(NO_BODY)
			.map((bytes) -> new ApiResponse(status, retryAfter, bytes))
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new BlooioInvalidResponseException(request.operation(), status, ex));
	}

	static byte[] toBytes(DataBuffer buffer) {
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
