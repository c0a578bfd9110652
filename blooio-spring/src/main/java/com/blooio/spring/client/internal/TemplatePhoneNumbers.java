package com.blooio.spring.client.internal;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.PhoneNumberOperations;
import com.blooio.spring.model.account.PhoneNumberLookupResult;

import org.springframework.util.Assert;

/**
 * {@link PhoneNumberOperations} over {@link ApiClient}.
 */
final class TemplatePhoneNumbers implements PhoneNumberOperations {

	private final ApiClient api;

	TemplatePhoneNumbers(ApiClient api) {
		this.api = api;
	}

	@Override
	public Mono<PhoneNumberLookupResult> lookup(String number) {
		Assert.hasText(number, "number must not be empty");
		return Mono.defer(() -> this.api.retrieve(ApiRequest.get("lookupPhoneNumber", "/phone-numbers/lookup")
			.query("number", number.trim())
			.build(this.api.settings().baseUrl()), PhoneNumberLookupResult.class));
	}

	@Override
	public Mono<PhoneNumberLookupResult> lookupByPost(String number) {
		Assert.hasText(number, "number must not be empty");
		return Mono.defer(() -> this.api.retrieve(ApiRequest.post("lookupPhoneNumberPost", "/phone-numbers/lookup")
			.body(this.api.json().write(Map.of("number", number.trim())))
			.build(this.api.settings().baseUrl()), PhoneNumberLookupResult.class));
	}

	@Override
	public Mono<List<PhoneNumberLookupResult>> batchLookup(List<String> numbers) {
		Assert.notEmpty(numbers, "numbers must not be empty");
		Assert.isTrue(numbers.size() <= MAX_BATCH_SIZE,
				() -> "numbers must have at most " + MAX_BATCH_SIZE + " entries, had " + numbers.size());
		List<String> trimmed = numbers.stream().map((number) -> {
			Assert.isTrue(number != null && !number.isBlank(), "numbers must not contain a blank entry");
			return number.trim();
		}).toList();
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.post("batchLookupPhoneNumbers", "/phone-numbers/batch")
					.body(this.api.json().write(Map.of("numbers", trimmed)))
					.build(this.api.settings().baseUrl()),
				(response) -> this.api.json().readList(response.body(), "results", PhoneNumberLookupResult.class)));
	}

}
