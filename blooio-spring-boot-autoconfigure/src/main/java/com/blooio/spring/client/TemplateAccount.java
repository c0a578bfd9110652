package com.blooio.spring.client;

import java.util.List;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.model.AccountNumber;
import com.blooio.spring.client.model.Me;

/**
 * {@link AccountOperations} over {@link ApiClient}.
 */
final class TemplateAccount implements AccountOperations {

	private final ApiClient api;

	TemplateAccount(ApiClient api) {
		this.api = api;
	}

	@Override
	public Mono<Me> me() {
		return Mono.defer(
				() -> this.api.retrieve(ApiRequest.get("getMe", "/me").build(this.api.settings().baseUrl()), Me.class));
	}

	@Override
	public Mono<List<AccountNumber>> numbers() {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("listNumbers", "/me/numbers").build(this.api.settings().baseUrl()),
				(response) -> this.api.json().readList(response.body(), "numbers", AccountNumber.class)));
	}

}
