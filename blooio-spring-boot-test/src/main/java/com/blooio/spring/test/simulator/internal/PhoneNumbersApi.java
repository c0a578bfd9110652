package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Phone number lookups, single (by query or body) and in batches of up to 100, answered
 * by {@link PhoneNumberLookup}.
 */
final class PhoneNumbersApi {

	private static final int MAX_BATCH = 100;

	ApiReply lookupByQuery(ApiCall call) {
		return ApiReply.ok(PhoneNumberLookup.lookup(requireNumber(call.query().get("number"))));
	}

	ApiReply lookupByBody(ApiCall call) {
		JsonNode number = call.jsonBody().path("number");
		return ApiReply.ok(PhoneNumberLookup.lookup(requireNumber(number.isString() ? number.asString() : null)));
	}

	ApiReply batch(ApiCall call) {
		JsonNode numbers = call.jsonBody().path("numbers");
		if (!numbers.isArray() || numbers.isEmpty() || numbers.size() > MAX_BATCH) {
			throw ApiError.badRequest("numbers must be an array of 1 to " + MAX_BATCH + " phone numbers.");
		}
		List<Map<String, Object>> results = new ArrayList<>();
		for (JsonNode number : numbers) {
			results.add(PhoneNumberLookup.lookup(requireNumber(number.isString() ? number.asString() : null)));
		}
		return ApiReply.ok(Map.of("results", results));
	}

	private static String requireNumber(@Nullable String number) {
		if (number == null || number.isBlank()) {
			throw ApiError.badRequest("number is required.");
		}
		return number;
	}

}
