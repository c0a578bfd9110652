package com.blooio.spring.test.simulator.internal.control;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the optional fields of a control command, refusing a field of the wrong type
 * rather than ignoring it, so that a typo in a test script fails loudly.
 */
final class CommandFields {

	private final JsonNode command;

	CommandFields(JsonNode command) {
		this.command = command;
	}

	boolean has(String field) {
		return this.command.has(field) && !this.command.get(field).isNull();
	}

	@Nullable Boolean bool(String field) {
		if (!has(field)) {
			return null;
		}
		JsonNode value = this.command.get(field);
		if (!value.isBoolean()) {
			throw new ControlRequestException("\"" + field + "\" must be true or false");
		}
		return value.asBoolean();
	}

	@Nullable Long number(String field, long min, long max) {
		if (!has(field)) {
			return null;
		}
		JsonNode value = this.command.get(field);
		if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
			throw new ControlRequestException("\"" + field + "\" must be a whole number from " + min + " to " + max);
		}
		return value.asLong();
	}

	@Nullable String text(String field) {
		if (!has(field)) {
			return null;
		}
		JsonNode value = this.command.get(field);
		if (!value.isString() || value.asString().isBlank()) {
			throw new ControlRequestException("\"" + field + "\" must be a non-empty string");
		}
		return value.asString();
	}

	/**
	 * Reads a field that holds one string or an array of strings.
	 */
	List<String> texts(String field) {
		if (!has(field)) {
			return List.of();
		}
		JsonNode value = this.command.get(field);
		List<JsonNode> elements = new ArrayList<>();
		if (value.isArray()) {
			value.forEach(elements::add);
		}
		else {
			elements.add(value);
		}
		List<String> values = new ArrayList<>();
		for (JsonNode element : elements) {
			if (!element.isString() || element.asString().isBlank()) {
				throw new ControlRequestException("\"" + field + "\" must be a string or an array of strings");
			}
			values.add(element.asString());
		}
		return values;
	}

}
