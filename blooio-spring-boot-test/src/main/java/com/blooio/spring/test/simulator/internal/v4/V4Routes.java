package com.blooio.spring.test.simulator.internal.v4;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.blooio.spring.test.simulator.internal.http.PathPattern;

/**
 * The v4 routes served, each a method, a path below {@code /v4} as segments ({@code *}
 * for a variable one) and what answers it; a call no route takes is answered 405 with
 * {@code Allow} when routes with other methods serve its path, 404 otherwise. Also serves
 * the {@code /logs} aliases the document names for deliveries and replays.
 */
final class V4Routes {

	private final List<Route> routes = new ArrayList<>();

	private V4Routes add(String method, String path, Function<V4Request, V4Reply> action) {
		this.routes.add(new Route(method, List.of(path.split("/")), action));
		return this;
	}

	static V4Routes create(WebhooksV4Api webhooks, EventsV4Api events) {
		return new V4Routes().add("GET", "webhooks", webhooks::list)
			.add("POST", "webhooks", webhooks::create)
			.add("GET", "webhooks/*", (call) -> webhooks.get(call.segment(1)))
			.add("PATCH", "webhooks/*", (call) -> webhooks.update(call, call.segment(1)))
			.add("DELETE", "webhooks/*", (call) -> webhooks.delete(call.segment(1)))
			.add("POST", "webhooks/*/secret/rotate", (call) -> webhooks.rotateSecret(call.segment(1)))
			.add("GET", "webhooks/*/deliveries", (call) -> webhooks.deliveries(call, call.segment(1)))
			.add("GET", "webhooks/*/logs", (call) -> webhooks.deliveries(call, call.segment(1)))
			.add("POST", "webhooks/*/deliveries/*/replay", (call) -> webhooks.replay(call.segment(1), call.segment(3)))
			.add("POST", "webhooks/*/logs/*/replay", (call) -> webhooks.replay(call.segment(1), call.segment(3)))
			.add("GET", "events", events::list)
			.add("GET", "events/*", (call) -> events.get(call.segment(1)))
			.add("GET", "chats/*/messages/*/events",
					(call) -> events.messageEvents(call, call.segment(1), call.segment(3)));
	}

	V4Reply dispatch(V4Request request) {
		Set<String> allowed = new LinkedHashSet<>();
		for (Route route : this.routes) {
			if (PathPattern.matches(request.segments(), route.path())) {
				if (route.method().equals(request.method())) {
					return route.action().apply(request);
				}
				allowed.add(route.method());
			}
		}
		if (allowed.isEmpty()) {
			throw notFound(request);
		}
		String allow = String.join(", ", allowed);
		throw V4Error.of(405, "method_not_allowed",
				"Method " + request.method() + " is not allowed on " + request.rawPath() + "; use " + allow + ".",
				Map.of(), Map.of("Allow", allow));
	}

	static V4Error notFound(V4Request request) {
		return V4Error.of(404, "not_found", "No such endpoint: " + request.method() + " " + request.rawPath()
				+ " (the Blooio simulator serves the v4 webhooks and events endpoints).");
	}

	private record Route(String method, List<String> path, Function<V4Request, V4Reply> action) {

	}

}
