package com.blooio.spring.client.internal;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import com.blooio.spring.client.observation.ApiCallTags;

/**
 * Reads the body of a Blooio error response inside the exchange and records its
 * {@code code} in the request's {@link ApiCallTags}.
 * <p>
 * WebClient stops its {@code http.client.requests} observation as soon as the exchange
 * emits the response, before the caller reads the body; a code read afterwards would be
 * too late for the observation. So error bodies (small, and read in full by the client
 * anyway) are buffered here and handed on as a fresh response with the same bytes.
 * Successful responses pass through untouched.
 */
final class ErrorCodeFilter implements ExchangeFilterFunction {

	private final ApiJson json;

	private final int maxBodyBytes;

	ErrorCodeFilter(ApiJson json, int maxBodyBytes) {
		this.json = json;
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		ApiCallTags tags = ApiCallTags.of(request);
		if (tags == null) {
			return next.exchange(request);
		}
		return next.exchange(request)
			.flatMap((response) -> response.statusCode().isError() ? buffered(response, tags) : Mono.just(response));
	}

	private Mono<ClientResponse> buffered(ClientResponse response, ApiCallTags tags) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), this.maxBodyBytes)
			.map(ApiClient::toBytes)
			.defaultIfEmpty(ApiClient.NO_BODY)
			.map((body) -> {
				tags.errorCode(codeOf(body));
				// the original body is consumed; the replacement ignores it
				return response.mutate().body((consumed) -> replay(body)).build();
			});
	}

	private @Nullable String codeOf(byte[] body) {
		JsonNode error = (body.length > 0) ? this.json.readTreeOrNull(body) : null;
		if (error != null && error.path("error").isObject()) {
			// v4's envelope: {"error": {"code", "message", "details"}}
			error = error.get("error");
		}
		JsonNode code = (error != null) ? error.get("code") : null;
		return (code != null && code.isString()) ? code.asString() : null;
	}

	private static Flux<DataBuffer> replay(byte[] body) {
		return (body.length > 0) ? Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
				: Flux.empty();
	}

}
