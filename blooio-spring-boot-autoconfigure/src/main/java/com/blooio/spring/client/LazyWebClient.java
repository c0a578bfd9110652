package com.blooio.spring.client;

import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A {@link WebClient} built on first use, so that creating a {@link BlooioTemplate} costs
 * no WebClient (and, in a Boot application, none of the HTTP connector behind it) until
 * the first API call.
 * <p>
 * Concurrent first calls build the client once. A failed build is not remembered: it is
 * thrown to the caller that triggered it, and the next call tries again. The client's
 * request methods are only ever called inside {@code Mono.defer}, so such a failure ends
 * the call's {@code Mono} with an error.
 */
final class LazyWebClient implements WebClient {

	private final SingletonSupplier<WebClient> client;

	LazyWebClient(Supplier<WebClient> factory) {
		this.client = SingletonSupplier.of(factory);
	}

	private WebClient client() {
		return this.client.obtain();
	}

	@Override
	public RequestHeadersUriSpec<?> get() {
		return client().get();
	}

	@Override
	public RequestHeadersUriSpec<?> head() {
		return client().head();
	}

	@Override
	public RequestBodyUriSpec post() {
		return client().post();
	}

	@Override
	public RequestBodyUriSpec put() {
		return client().put();
	}

	@Override
	public RequestBodyUriSpec patch() {
		return client().patch();
	}

	@Override
	public RequestHeadersUriSpec<?> delete() {
		return client().delete();
	}

	@Override
	public RequestHeadersUriSpec<?> options() {
		return client().options();
	}

	@Override
	public RequestBodyUriSpec method(HttpMethod method) {
		return client().method(method);
	}

	@Override
	public Builder mutate() {
		return client().mutate();
	}

}
