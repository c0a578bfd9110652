package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FindMy contact locations: the ones shared with
 * {@link SimulatorEngine#shareLocation(String, double, double)}, listed, read one by one
 * and refreshed (a refresh stamps every location with the current time).
 */
final class LocationApi {

	private final SimulatorState state;

	LocationApi(SimulatorState state) {
		this.state = state;
	}

	ApiReply list() {
		return ApiReply.ok(Map.of("friends", json(this.state.locations())));
	}

	ApiReply get(String handle) {
		return this.state.locations()
			.stream()
			.filter((location) -> location.handle().equals(handle))
			.findFirst()
			.map((location) -> ApiReply.ok(json(location)))
			.orElseThrow(() -> ApiError.notFound("Location"));
	}

	ApiReply refresh() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("success", true);
		json.put("friends", json(this.state.refreshLocations(System.currentTimeMillis())));
		return ApiReply.ok(json);
	}

	private static List<Map<String, Object>> json(List<StoredLocation> locations) {
		return locations.stream().map(LocationApi::json).toList();
	}

	private static Map<String, Object> json(StoredLocation location) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("handle", location.handle());
		json.put("coordinates", List.of(location.latitude(), location.longitude()));
		json.put("status", "live");
		json.put("last_updated", location.lastUpdated());
		return json;
	}

}
