package com.blooio.spring.client.internal;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The client's rule for redirects: it follows none itself, and refuses one that an HTTP
 * client configured to follow redirects would take to another host.
 */
final class RedirectRefusal {

	private RedirectRefusal() {
	}

	/**
	 * Throws {@link RedirectToAnotherHost} unless both URIs share scheme, host and port.
	 */
	static void checkSameOrigin(URI from, URI to) {
		if (!origin(from).equals(origin(to))) {
			throw new RedirectToAnotherHost(origin(to));
		}
	}

	/**
	 * Scheme, host and port of a redirect target, or {@code null} when there is none or
	 * it is relative (the same host).
	 */
	static @Nullable String target(@Nullable String location) {
		if (location == null || location.isBlank()) {
			return null;
		}
		try {
			URI uri = URI.create(location.trim());
			return (uri.getHost() != null) ? origin(uri) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String origin(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		int port = (uri.getPort() != -1) ? uri.getPort() : defaultPort(scheme);
		return scheme + "://" + host + ((port != defaultPort(scheme)) ? ":" + port : "");
	}

	private static int defaultPort(String scheme) {
		return switch (scheme) {
			case "http" -> 80;
			case "https" -> 443;
			default -> -1;
		};
	}

	/**
	 * A redirect to another host, stopped before its request was written.
	 */
	static final class RedirectToAnotherHost extends RuntimeException {

		private final String target;

		RedirectToAnotherHost(String target) {
			super("redirect to " + target + " not followed", null, false, false);
			this.target = target;
		}

		String target() {
			return this.target;
		}

	}

}
