package com.blooio.spring.client.internal;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.AccountOperations;
import com.blooio.spring.model.account.AccountNumber;
import com.blooio.spring.model.account.CallForwardingTicket;
import com.blooio.spring.model.account.Me;
import com.blooio.spring.model.contact.ContactCard;
import com.blooio.spring.model.contact.ContactCardUpdate;
import com.blooio.spring.model.contact.ContactCardUpdated;

import org.springframework.util.Assert;

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

	@Override
	public Mono<ContactCard> contactCard(String number) {
		return Mono.defer(
				() -> this.api.retrieve(ApiRequest.get("getMyContactCard", "/me/numbers/{number}/contact-card", number)
					.build(this.api.settings().baseUrl()), ContactCard.class));
	}

	@Override
	public Mono<ContactCardUpdated> updateContactCard(String number, ContactCardUpdate update) {
		Assert.notNull(update, "update must not be null");
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.put("updateMyContactCard", "/me/numbers/{number}/contact-card", number)
				.body(this.api.json().write(update))
				.build(this.api.settings().baseUrl()), ContactCardUpdated.class));
	}

	@Override
	public Mono<CallForwardingTicket> requestCallForwarding(String number, String forwardTo) {
		Assert.hasText(forwardTo, "forwardTo must not be empty");
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.post("requestCallForwarding", "/me/numbers/{number}/call-forwarding", number)
				.body(this.api.json().write(Map.of("forward_to", forwardTo.trim())))
				.build(this.api.settings().baseUrl()), CallForwardingTicket.class));
	}

}
