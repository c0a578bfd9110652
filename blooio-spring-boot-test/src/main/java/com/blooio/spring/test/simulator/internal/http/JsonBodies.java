package com.blooio.spring.test.simulator.internal.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies that must be JSON objects; each caller answers a body that is not
 * one in its own API's words.
 * <p>
 * Not API: public only for the simulator's internal packages.
 */
public final class JsonBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonBodies() {
	}

	/**
	 * Reads a body as a JSON object.
	 * @param body the raw body
	 * @return the object, or {@code null} if the body is not a JSON object
	 */
	public static @Nullable JsonNode object(byte[] body) {
		try {
			JsonNode tree = JSON.readTree(body);
			return (tree != null && tree.isObject()) ? tree : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
