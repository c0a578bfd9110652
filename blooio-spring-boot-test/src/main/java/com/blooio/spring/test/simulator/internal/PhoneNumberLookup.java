package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Looks up a phone number the way Blooio's lookup answers, for North American (NANP,
 * {@code +1}) numbers: validity, E.164/national/international formats, area code and
 * exchange. Geocoding knows a handful of area codes; other numbers have no
 * {@code location}. A number outside the NANP is {@code possible} when it has the shape
 * of an E.164 number but never {@code valid}: the simulator has no numbering plans for
 * other countries.
 */
final class PhoneNumberLookup {

	private static final Map<String, String[]> AREA_CODES = Map.of("212", new String[] { "New York", "NY", "New York" },
			"415", new String[] { "San Francisco", "CA", "California" }, "310",
			new String[] { "Los Angeles", "CA", "California" }, "312", new String[] { "Chicago", "IL", "Illinois" },
			"617", new String[] { "Boston", "MA", "Massachusetts" }, "206",
			new String[] { "Seattle", "WA", "Washington" }, "512", new String[] { "Austin", "TX", "Texas" }, "305",
			new String[] { "Miami", "FL", "Florida" }, "858", new String[] { "San Diego", "CA", "California" });

	private PhoneNumberLookup() {
	}

	static Map<String, Object> lookup(String input) {
		String digits = input.replaceAll("[^0-9]", "");
		boolean international = input.trim().startsWith("+");
		String national = nanpNationalNumber(digits, international);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("input", input);
		if (national == null) {
			boolean possible = international && digits.length() >= 8 && digits.length() <= 15
					&& digits.charAt(0) != '0';
			json.put("valid", false);
			json.put("possible", possible);
			if (possible) {
				json.put("e164", "+" + digits);
			}
			json.put("country", null);
			json.put("type", null);
			json.put("location", null);
			return json;
		}
		String areaCode = national.substring(0, 3);
		String exchange = national.substring(3, 6);
		String line = national.substring(6);
		boolean valid = areaCode.charAt(0) >= '2' && exchange.charAt(0) >= '2';
		json.put("valid", valid);
		json.put("possible", true);
		json.put("e164", "+1" + national);
		json.put("national", "(" + areaCode + ") " + exchange + "-" + line);
		json.put("international", "+1 " + areaCode + " " + exchange + " " + line);
		json.put("country_calling_code", "1");
		json.put("country", valid ? "US" : null);
		json.put("national_number", national);
		json.put("type", valid ? "FIXED_LINE_OR_MOBILE" : null);
		String[] place = AREA_CODES.get(areaCode);
		json.put("location", (place != null) ? location(place) : null);
		json.put("area_code", areaCode);
		json.put("exchange", exchange);
		if (place != null) {
			json.put("area_code_region", place[0] + ", " + place[1]);
		}
		return json;
	}

	private static @Nullable String nanpNationalNumber(String digits, boolean international) {
		if (digits.length() == 11 && digits.charAt(0) == '1') {
			return digits.substring(1);
		}
		if (!international && digits.length() == 10) {
			return digits;
		}
		return null;
	}

	private static Map<String, Object> location(String[] place) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("city", place[0]);
		json.put("region", place[1]);
		json.put("region_name", place[2]);
		return json;
	}

}
