package com.blooio.spring.test.simulator.internal.v4;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The v4 event types and the subscription tokens that select them: exact types, category
 * wildcards ({@code message.*}), {@code *}, and v2's coarse {@code all}, {@code message}
 * and {@code status}, which are expanded when a subscription is stored, as Blooio
 * documents ("expanded server-side for parity").
 */
final class EventTypes {

	static final List<String> TYPES = List.of("message.received", "message.queued", "message.pending", "message.sent",
			"message.delivered", "message.failed", "message.read", "message.reaction", "poll.created", "poll.received",
			"poll.voted", "group.name_changed", "group.icon_changed", "contact.shared", "contact.merged",
			"typing.started", "typing.stopped", "safety.state_changed", "safety.number_banned");

	static final List<String> EVERYTHING = List.of("*");

	/** v2's {@code webhook_type} values and what they covered there. */
	private static final Map<String, List<String>> LEGACY = Map.of("all", EVERYTHING, "message", List.of("message.*"),
			"status", List.of("message.sent", "message.delivered", "message.failed", "message.read"));

	private EventTypes() {
	}

	/**
	 * Validates and expands the {@code event_types} of a request.
	 * @param node the JSON value
	 * @return the tokens to store, without duplicates
	 * @throws V4Error 422 for a value that is not an array of known tokens
	 */
	static List<String> expand(JsonNode node) {
		if (!node.isArray() || node.isEmpty()) {
			throw V4Error.invalid("event_types", "event_types must be a non-empty array of event types.");
		}
		Set<String> tokens = new LinkedHashSet<>();
		for (JsonNode value : node) {
			String token = value.isString() ? value.asString() : "";
			if (LEGACY.containsKey(token)) {
				tokens.addAll(LEGACY.get(token));
			}
			else if (known(token)) {
				tokens.add(token);
			}
			else {
				throw V4Error.invalid("event_types", "Unknown event type '" + token
						+ "': use an event type, a category wildcard such as message.*, or *.");
			}
		}
		return List.copyOf(tokens);
	}

	private static boolean known(String token) {
		if (token.equals("*") || TYPES.contains(token)) {
			return true;
		}
		return token.endsWith(".*")
				&& TYPES.stream().anyMatch((type) -> type.startsWith(token.substring(0, token.length() - 1)));
	}

	/**
	 * Returns whether any token selects an event type.
	 */
	static boolean matches(Collection<String> tokens, String type) {
		for (String token : tokens) {
			if (token.equals("*") || token.equals(type)
					|| (token.endsWith(".*") && type.startsWith(token.substring(0, token.length() - 1)))) {
				return true;
			}
		}
		return false;
	}

}
