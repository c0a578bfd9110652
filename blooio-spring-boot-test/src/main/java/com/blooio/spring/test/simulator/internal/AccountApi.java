package com.blooio.spring.test.simulator.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The account and contact endpoints: {@code /me}, {@code /me/numbers}, call forwarding
 * and contact capabilities.
 */
final class AccountApi {

	static final String ORGANIZATION_ID = "org_simulator";

	private final SimulatorState state;

	private final String apiKey;

	private final String number;

	AccountApi(SimulatorState state, String apiKey, String number) {
		this.state = state;
		this.apiKey = apiKey;
		this.number = number;
	}

	ApiReply me() {
		long now = System.currentTimeMillis();
		Map<String, Object> organization = new LinkedHashMap<>();
		organization.put("organization_id", ORGANIZATION_ID);
		organization.put("name", "Blooio Simulator");
		organization.put("country_code", "US");
		organization.put("created_at", now);
		Map<String, Object> device = new LinkedHashMap<>();
		device.put("phone_number", this.number);
		device.put("is_active", true);
		device.put("last_active", now);
		device.put("plan_kind", "dedicated");
		long[] counts = this.state.locked(() -> {
			long[] result = new long[2];
			this.state.chats().forEach((chat) -> chat.messages.forEach((message) -> result[message.inbound ? 0 : 1]++));
			return result;
		});
		Map<String, Object> usage = new LinkedHashMap<>();
		usage.put("inbound_messages", counts[0]);
		usage.put("outbound_messages", counts[1]);
		usage.put("last_message_sent", null);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("auth_type", "api_key");
		json.put("valid", true);
		json.put("user_id", null);
		json.put("api_key", this.apiKey);
		json.put("organization_id", ORGANIZATION_ID);
		json.put("organization", organization);
		json.put("metadata", Map.of());
		json.put("integration_details", null);
		json.put("devices", List.of(device));
		json.put("usage", usage);
		return ApiReply.ok(json);
	}

	ApiReply numbers() {
		Map<String, Object> number = new LinkedHashMap<>();
		number.put("phone_number", this.number);
		number.put("is_active", true);
		number.put("last_active", Instant.now().toString());
		number.put("plan_kind", "dedicated");
		return ApiReply.ok(Map.of("numbers", List.of(number)));
	}

	/**
	 * Opens a call forwarding ticket for the account's number to a US number.
	 */
	ApiReply requestCallForwarding(ApiCall call, String number) {
		if (!this.number.equals(number)) {
			throw ApiError.of(403, "Phone number not accessible with this API key.");
		}
		JsonNode forwardTo = call.jsonBody().path("forward_to");
		String digits = forwardTo.isString() ? forwardTo.asString().replaceAll("[^0-9]", "") : "";
		if (digits.length() == 11 && digits.startsWith("1")) {
			digits = digits.substring(1);
		}
		if (digits.length() != 10 || digits.charAt(0) < '2') {
			throw ApiError.badRequest("forward_to must be a valid US phone number.");
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("success", true);
		json.put("ticket_id", "tkt_" + Ids.hex(6));
		json.put("status", "open");
		json.put("number", number);
		json.put("forward_to", "+1" + digits);
		return new ApiReply(201, json);
	}

	ApiReply capabilities(String contact) {
		boolean email = contact.contains("@");
		Map<String, Object> capabilities = new LinkedHashMap<>();
		capabilities.put("imessage", true);
		if (!email) {
			capabilities.put("sms", true);
		}
		capabilities.put("facetime", true);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("contact", contact);
		json.put("type", email ? "email" : "phone");
		json.put("capabilities", capabilities);
		json.put("last_checked", System.currentTimeMillis());
		return ApiReply.ok(json);
	}

}
