package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.blooio.spring.test.simulator.internal.http.PathPattern;

/**
 * The routes served, each a method, a path below {@code /v2/api} as segments ({@code *}
 * for a variable one) and what answers it. One table serves both dispatch and the
 * {@code 405} answer: a call no route takes is answered 405 with {@code Allow} when
 * routes with other methods serve its path, 404 otherwise.
 */
final class RouteTable {

	private final List<Route> routes = new ArrayList<>();

	RouteTable add(String method, String path, Function<ApiCall, ApiReply> action) {
		this.routes.add(new Route(method, List.of(path.split("/")), action));
		return this;
	}

	/**
	 * Returns the {@code METHOD path} of every route, in the order added.
	 */
	List<String> operations() {
		return this.routes.stream().map((route) -> route.method() + " /" + String.join("/", route.path())).toList();
	}

	ApiReply dispatch(ApiCall call) {
		Set<String> allowed = new LinkedHashSet<>();
		for (Route route : this.routes) {
			if (PathPattern.matches(call.segments(), route.path())) {
				if (route.method().equals(call.method())) {
					return route.action().apply(call);
				}
				allowed.add(route.method());
			}
		}
		throw allowed.isEmpty() ? notFound(call) : methodNotAllowed(call, allowed);
	}

	private static ApiError methodNotAllowed(ApiCall call, Set<String> allowed) {
		String allow = String.join(", ", allowed);
		return ApiError.of(405,
				"Method " + call.method() + " is not allowed on " + call.rawPath() + "; use " + allow + ".", Map.of(),
				Map.of("Allow", allow));
	}

	static ApiError notFound(ApiCall call) {
		return ApiError.of(404, "No such endpoint: " + call.method() + " " + call.rawPath()
				+ " (the Blooio simulator serves " + ApiHandler.BASE_PATH + "/...).");
	}

	private record Route(String method, List<String> path, Function<ApiCall, ApiReply> action) {

	}

}
