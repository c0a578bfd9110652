package com.blooio.spring.client;

import java.util.List;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.model.account.PhoneNumberLookupResult;

/**
 * Phone-number lookup: validity, formats, type and region. Blooio serves it on the
 * Enterprise plan only; other plans get a 403 {@link BlooioApiException}.
 *
 * @since 0.1.0
 */
public interface PhoneNumberOperations {

	/** The most numbers one {@link #batchLookup(List)} may carry. */
	int MAX_BATCH_SIZE = 100;

	/**
	 * Looks up one number with {@code GET /phone-numbers/lookup?number=…}: the number
	 * travels in the URL (and so in access logs).
	 * @param number the number, ideally E.164
	 * @return the result
	 */
	Mono<PhoneNumberLookupResult> lookup(String number);

	/**
	 * Looks up one number with {@code POST /phone-numbers/lookup}: same result as
	 * {@link #lookup(String)}, but the number travels in the JSON body rather than the
	 * URL, so it stays out of URL logs.
	 * @param number the number, ideally E.164
	 * @return the result
	 */
	Mono<PhoneNumberLookupResult> lookupByPost(String number);

	/**
	 * Looks up up to {@value #MAX_BATCH_SIZE} numbers in one request.
	 * @param numbers the numbers, 1 to {@value #MAX_BATCH_SIZE}, none blank
	 * @return one result per number, in Blooio's order
	 * @throws IllegalArgumentException if the list is empty, longer than
	 * {@value #MAX_BATCH_SIZE} or has a blank entry; nothing is sent then
	 */
	Mono<List<PhoneNumberLookupResult>> batchLookup(List<String> numbers);

}
