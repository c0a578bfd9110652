package com.blooio.spring.client;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How a {@link BlooioTemplate} talks to Blooio. Immutable; {@code with...} methods return
 * copies. {@link #toString()} never shows the API key.
 *
 * @param apiKey the API key sent as a bearer token
 * @param baseUrl base URL of the v2 API, e.g. {@code https://backend.blooio.com/v2/api}
 * @param v4BaseUrl base URL of the v4 API, e.g. {@code https://api.blooio.com/v4}
 * @param defaultFromNumber sender number used when a send names none, or {@code null} for
 * Blooio's choice
 * @param responseTimeout deadline of one attempt, from sending the request to reading the
 * last byte of the answer
 * @param maxAttempts attempts per call, including the first (1 disables retries)
 * @param initialBackoff wait before the first retry; doubles with each retry, with jitter
 * @param maxBackoff longest wait between attempts; a longer {@code Retry-After} ends the
 * retries
 * @param logBodies whether the DEBUG log of each attempt includes the request and
 * response bodies (with secrets masked); they contain personal data such as phone numbers
 * and message text
 * @since 0.1.0
 */
public record BlooioClientSettings(String apiKey, URI baseUrl, URI v4BaseUrl, @Nullable String defaultFromNumber,
		Duration responseTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff, boolean logBodies) {

	/** Base URL of Blooio's v2 API. */
	public static final URI DEFAULT_BASE_URL = URI.create("https://backend.blooio.com/v2/api");

	/** Base URL of Blooio's v4 API. */
	public static final URI DEFAULT_V4_BASE_URL = URI.create("https://api.blooio.com/v4");

	/**
	 * Validates the settings.
	 * @param apiKey the API key
	 * @param baseUrl the base URL
	 * @param v4BaseUrl the base URL of the v4 API
	 * @param defaultFromNumber the default sender number
	 * @param responseTimeout the per-attempt response timeout
	 * @param maxAttempts the attempts per call
	 * @param initialBackoff the first retry wait
	 * @param maxBackoff the longest retry wait
	 * @param logBodies whether DEBUG logs include bodies
	 */
	public BlooioClientSettings {
		Assert.hasText(apiKey, "apiKey must not be empty");
		Assert.notNull(baseUrl, "baseUrl must not be null");
		Assert.isTrue(baseUrl.isAbsolute(), "baseUrl must be absolute");
		Assert.isTrue(isPositive(responseTimeout), "responseTimeout must be positive");
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(isPositive(initialBackoff), "initialBackoff must be positive");
		Assert.isTrue(isPositive(maxBackoff), "maxBackoff must be positive");
		Assert.isTrue(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must not be less than initialBackoff");
		Assert.notNull(v4BaseUrl, "v4BaseUrl must not be null");
		Assert.isTrue(v4BaseUrl.isAbsolute(), "v4BaseUrl must be absolute");
		baseUrl = withoutTrailingSlash(baseUrl);
		v4BaseUrl = withoutTrailingSlash(v4BaseUrl);
	}

	private static URI withoutTrailingSlash(URI url) {
		String text = url.toString();
		return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
	}

	/**
	 * Validates the settings, with Blooio's v4 base URL.
	 * @param apiKey the API key
	 * @param baseUrl the base URL
	 * @param defaultFromNumber the default sender number
	 * @param responseTimeout the per-attempt response timeout
	 * @param maxAttempts the attempts per call
	 * @param initialBackoff the first retry wait
	 * @param maxBackoff the longest retry wait
	 * @param logBodies whether DEBUG logs include bodies
	 */
	public BlooioClientSettings(String apiKey, URI baseUrl, @Nullable String defaultFromNumber,
			Duration responseTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
			boolean logBodies) {
		this(apiKey, baseUrl, DEFAULT_V4_BASE_URL, defaultFromNumber, responseTimeout, maxAttempts, initialBackoff,
				maxBackoff, logBodies);
	}

	/**
	 * Validates the settings; bodies are not logged.
	 * @param apiKey the API key
	 * @param baseUrl the base URL
	 * @param defaultFromNumber the default sender number
	 * @param responseTimeout the per-attempt response timeout
	 * @param maxAttempts the attempts per call
	 * @param initialBackoff the first retry wait
	 * @param maxBackoff the longest retry wait
	 */
	public BlooioClientSettings(String apiKey, URI baseUrl, @Nullable String defaultFromNumber,
			Duration responseTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		this(apiKey, baseUrl, DEFAULT_V4_BASE_URL, defaultFromNumber, responseTimeout, maxAttempts, initialBackoff,
				maxBackoff, false);
	}

	private static boolean isPositive(@Nullable Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	/**
	 * Returns settings with the given key and the defaults: Blooio's base URL, 30 s
	 * response timeout, 3 attempts, backoff from 500 ms up to 10 s, no bodies in logs.
	 * @param apiKey the API key
	 * @return the settings
	 */
	public static BlooioClientSettings of(String apiKey) {
		return new BlooioClientSettings(apiKey, DEFAULT_BASE_URL, DEFAULT_V4_BASE_URL, null, Duration.ofSeconds(30), 3,
				Duration.ofMillis(500), Duration.ofSeconds(10), false);
	}

	/**
	 * Returns a copy with another base URL.
	 * @param baseUrl the base URL
	 * @return the settings
	 */
	public BlooioClientSettings withBaseUrl(URI baseUrl) {
		return new BlooioClientSettings(this.apiKey, baseUrl, this.v4BaseUrl, this.defaultFromNumber,
				this.responseTimeout, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.logBodies);
	}

	/**
	 * Returns a copy with another v4 base URL.
	 * @param v4BaseUrl the base URL of the v4 API
	 * @return the settings
	 */
	public BlooioClientSettings withV4BaseUrl(URI v4BaseUrl) {
		return new BlooioClientSettings(this.apiKey, this.baseUrl, v4BaseUrl, this.defaultFromNumber,
				this.responseTimeout, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.logBodies);
	}

	/**
	 * Returns a copy with another default sender number.
	 * @param defaultFromNumber the sender number, or {@code null}
	 * @return the settings
	 */
	public BlooioClientSettings withDefaultFromNumber(@Nullable String defaultFromNumber) {
		return new BlooioClientSettings(this.apiKey, this.baseUrl, this.v4BaseUrl, defaultFromNumber,
				this.responseTimeout, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.logBodies);
	}

	/**
	 * Returns a copy with another per-attempt response timeout.
	 * @param responseTimeout the timeout
	 * @return the settings
	 */
	public BlooioClientSettings withResponseTimeout(Duration responseTimeout) {
		return new BlooioClientSettings(this.apiKey, this.baseUrl, this.v4BaseUrl, this.defaultFromNumber,
				responseTimeout, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.logBodies);
	}

	/**
	 * Returns a copy with other retry settings.
	 * @param maxAttempts attempts per call, including the first
	 * @param initialBackoff wait before the first retry
	 * @param maxBackoff longest wait between attempts
	 * @return the settings
	 */
	public BlooioClientSettings withRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		return new BlooioClientSettings(this.apiKey, this.baseUrl, this.v4BaseUrl, this.defaultFromNumber,
				this.responseTimeout, maxAttempts, initialBackoff, maxBackoff, this.logBodies);
	}

	/**
	 * Returns a copy that does or does not log request and response bodies at DEBUG
	 * level. Secrets are masked, but bodies contain personal data such as phone numbers
	 * and message text.
	 * @param logBodies whether to include bodies in the DEBUG log of each attempt
	 * @return the settings
	 */
	public BlooioClientSettings withLogBodies(boolean logBodies) {
		return new BlooioClientSettings(this.apiKey, this.baseUrl, this.v4BaseUrl, this.defaultFromNumber,
				this.responseTimeout, this.maxAttempts, this.initialBackoff, this.maxBackoff, logBodies);
	}

	@Override
	public String toString() {
		return "BlooioClientSettings{apiKey=******, baseUrl=" + this.baseUrl + ", v4BaseUrl=" + this.v4BaseUrl
				+ ", defaultFromNumber=" + this.defaultFromNumber + ", responseTimeout=" + this.responseTimeout
				+ ", maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
				+ this.maxBackoff + ", logBodies=" + this.logBodies + "}";
	}

}
