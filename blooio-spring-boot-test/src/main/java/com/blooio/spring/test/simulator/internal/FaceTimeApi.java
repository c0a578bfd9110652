package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * FaceTime calls: a call to a phone or email answers a shareable FaceTime link.
 */
final class FaceTimeApi {

	ApiReply call(ApiCall call) {
		JsonNode body = call.jsonBody();
		String handle = body.path("handle").isString() ? body.path("handle").asString().trim() : "";
		if (!ContactsApi.isIdentifier(handle)) {
			throw ApiError.badRequest("handle must be an E.164 phone number or an email address.");
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("success", true);
		json.put("link", "https://facetime.apple.com/join#v=1&p=" + Ids.hex(12));
		json.put("handle", handle);
		return ApiReply.ok(json);
	}

}
