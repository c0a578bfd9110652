package com.blooio.spring.test.simulator.internal.v4;

import java.util.Map;

/**
 * A successful answer of the v4 API: a status and a JSON body.
 *
 * @param status the HTTP status
 * @param body the body, written as JSON
 */
record V4Reply(int status, Map<String, ?> body) {

	static V4Reply ok(Map<String, ?> body) {
		return new V4Reply(200, body);
	}

	/**
	 * Returns 200 with an item wrapped as v4 wraps items, {@code {"data": {...}}}.
	 */
	static V4Reply data(Map<String, ?> item) {
		return new V4Reply(200, Map.of("data", item));
	}

}
