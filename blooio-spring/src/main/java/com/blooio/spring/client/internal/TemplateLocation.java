package com.blooio.spring.client.internal;

import java.util.List;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.LocationOperations;
import com.blooio.spring.model.contact.ContactLocation;
import com.blooio.spring.model.contact.LocationRefresh;

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
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("listLocationContacts", "/location/contacts").build(this.api.settings().baseUrl()),
				(response) -> this.api.json().readList(response.body(), "friends", ContactLocation.class)));
	}

	@Override
	public Mono<ContactLocation> contact(String handle) {
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.get("getLocationContact", "/location/contacts/{handle}", handle)
				.build(this.api.settings().baseUrl()), ContactLocation.class));
	}

	@Override
	public Mono<LocationRefresh> refresh() {
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.post("refreshLocationContacts", "/location/contacts/refresh")
				.build(this.api.settings().baseUrl()), LocationRefresh.class));
	}

}
