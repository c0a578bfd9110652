package com.blooio.spring.test.simulator.internal.http;

import java.util.List;

/**
 * Matches a request's path segments against a route's, {@code *} matching any one.
 * <p>
 * Not API: public only for the simulator's internal packages.
 */
public final class PathPattern {

	private PathPattern() {
	}

	/**
	 * Returns whether a path has the given segments, {@code *} matching any one.
	 * @param segments the path's segments
	 * @param pattern the segments to match
	 * @return whether the path matches
	 */
	public static boolean matches(List<String> segments, List<String> pattern) {
		if (segments.size() != pattern.size()) {
			return false;
		}
		for (int i = 0; i < pattern.size(); i++) {
			if (!pattern.get(i).equals("*") && !pattern.get(i).equals(segments.get(i))) {
				return false;
			}
		}
		return true;
	}

}
