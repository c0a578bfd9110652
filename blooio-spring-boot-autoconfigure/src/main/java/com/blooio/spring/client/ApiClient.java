package com.blooio.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Executes {@link ApiRequest}s: one WebClient exchange per attempt, bounded by the
 * response timeout, error statuses mapped to exceptions, transient failures retried.
 */
final class ApiClient {

	/** Read by Spring's WebClient observation as the low-cardinality {@code uri} tag. */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	private static final byte[] NO_BODY = new byte[0];

	private static final List<MediaType> ACCEPT_JSON = List.of(MediaType.APPLICATION_JSON);

	private final WebClient webClient;

	private final BlooioJson json;

	private final BlooioClientSettings settings;

	private final ApiErrors errors;

	private final RetryPolicy retryPolicy;

	ApiClient(WebClient webClient, BlooioClientSettings settings, BlooioJson json, Clock clock) {
		this.webClient = webClient;
		this.json = json;
		this.settings = settings;
		this.errors = new ApiErrors(json, clock);
		this.retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff());
	}

	BlooioClientSettings settings() {
		return this.settings;
	}

	BlooioJson json() {
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
	 */
	<T> Mono<T> retrieve(ApiRequest request, Function<ApiResponse, T> reader) {
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
	 */
	Mono<ApiResponse> exchange(ApiRequest request) {
		Duration timeout = this.settings.responseTimeout();
		return Mono.defer(() -> attempt(request))
			.timeout(timeout)
			.onErrorMap((failure) -> this.errors.translate(request, failure, timeout))
			.retryWhen(this.retryPolicy.forRequest(request));
	}

	private Mono<ApiResponse> attempt(ApiRequest request) {
		WebClient.RequestBodySpec spec = this.webClient.method(request.method())
			.uri(request.uri())
			.attribute(URI_TEMPLATE_ATTRIBUTE, request.uriTemplate())
			.headers((headers) -> applyHeaders(headers, request));
		WebClient.RequestHeadersSpec<?> ready = withBody(spec, request);
		return ready.exchangeToMono(this::readFully)
			.flatMap((response) -> response.isError() ? Mono.error(this.errors.toException(request, response))
					: Mono.just(response));
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

	private Mono<ApiResponse> readFully(ClientResponse response) {
		int status = response.statusCode().value();
		String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_RESPONSE_BYTES)
			.map(ApiClient::toBytes)
			.defaultIfEmpty(NO_BODY)
			.map((bytes) -> new ApiResponse(status, retryAfter, bytes));
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
