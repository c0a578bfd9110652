package com.blooio.spring.client;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.model.ContactCapabilities;

/**
 * {@link ContactOperations} over {@link ApiClient}.
 */
final class TemplateContacts implements ContactOperations {

	private final ApiClient api;

	TemplateContacts(ApiClient api) {
		this.api = api;
	}

	@Override
	public Mono<ContactCapabilities> capabilities(String contact) {
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.get("getContactCapabilities", "/contacts/{contactId}/capabilities", contact)
				.build(this.api.settings().baseUrl()), ContactCapabilities.class));
	}

}
