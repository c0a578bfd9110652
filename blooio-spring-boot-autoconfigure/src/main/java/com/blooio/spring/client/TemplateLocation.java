package com.blooio.spring.client;

import java.util.List;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.model.ContactLocation;
import com.blooio.spring.client.model.LocationRefresh;

/**
 * {@link LocationOperations} over {@link ApiClient}.
 */
final class TemplateLocation implements LocationOperations {

	private final ApiClient api;

	TemplateLocation(ApiClient api) {
		this.api = api;
	}

	@Override
	public Mono<List<ContactLocation>> contacts() {
		return Mono
			.defer(() -> this.api.retrieve(
					ApiRequest.get("listLocationContacts", "/location/contacts").build(this.api.settings().baseUrl()),
					(response) -> this.api.json().readList(response.body(), "friends", ContactLocation.class)))
			.onErrorMap(TemplateLocation::isNoActiveNumber, TemplateLocation::noActiveNumber);
	}

	@Override
	public Mono<ContactLocation> contact(String handle) {
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.get("getLocationContact", "/location/contacts/{handle}", handle)
				.build(this.api.settings().baseUrl()), ContactLocation.class))
			.onErrorMap(TemplateLocation::isNoActiveNumber, TemplateLocation::noActiveNumber);
	}

	@Override
	public Mono<LocationRefresh> refresh() {
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.post("refreshLocationContacts", "/location/contacts/refresh")
				.build(this.api.settings().baseUrl()), LocationRefresh.class))
			.onErrorMap(TemplateLocation::isNoActiveNumber, TemplateLocation::noActiveNumber);
	}

	/**
	 * Whether the failure is Blooio's bodiless 404. The error reader keeps no raw body,
	 * so "no body" means no Blooio error field at all: a JSON error body never matches.
	 */
	static boolean isNoActiveNumber(Throwable failure) {
		if (!(failure instanceof BlooioApiException api) || failure instanceof BlooioNoActiveNumberException) {
			return false;
		}
		BlooioError error = api.getError();
		return error.status() == 404 && error.code() == null && error.error() == null && error.message() == null
				&& error.context().isEmpty();
	}

	private static Throwable noActiveNumber(Throwable failure) {
		BlooioApiException api = (BlooioApiException) failure;
		BlooioNoActiveNumberException mapped = new BlooioNoActiveNumberException(api.getOperation(), api.getError(),
				api.getIdempotencyKey());
		mapped.addSuppressed(failure);
		return mapped;
	}

}
