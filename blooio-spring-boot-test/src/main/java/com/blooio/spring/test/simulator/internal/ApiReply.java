package com.blooio.spring.test.simulator.internal;

import java.util.Map;

/**
 * A successful answer of the simulated API: a status and a JSON body.
 *
 * @param status the HTTP status
 * @param body the body, written as JSON
 */
record ApiReply(int status, Map<String, ?> body) {

	static ApiReply ok(Map<String, ?> body) {
		return new ApiReply(200, body);
	}

}
