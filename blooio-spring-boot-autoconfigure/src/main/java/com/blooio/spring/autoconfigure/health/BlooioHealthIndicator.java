package com.blooio.spring.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioAuthenticationException;
import com.blooio.spring.client.exception.BlooioException;
import com.blooio.spring.client.exception.BlooioInvalidResponseException;
import com.blooio.spring.model.account.AccountNumber;
import com.blooio.spring.model.account.Me;

/**
 * {@link ReactiveHealthIndicator} for Blooio. One {@code GET /me} call checks that the
 * API key is accepted and returns the key's sender numbers with their state:
 * <ul>
 * <li>{@link Status#UP UP}: the key is accepted and at least one number is active (its
 * device is online and can send);</li>
 * <li>{@link Status#OUT_OF_SERVICE OUT_OF_SERVICE}: the key is accepted but no number is
 * active (the devices are offline or locked, or the key has no number). Blooio itself
 * works, but sends fail until someone brings a device back; by default the health
 * endpoint answers 503 for it, as for {@code DOWN};</li>
 * <li>{@link Status#DOWN DOWN}: Blooio rejected the key (401), or could not be asked
 * (connection failure, timeout, other error status).</li>
 * </ul>
 * Details list the numbers ({@code number}, {@code active}, {@code planKind},
 * {@code lastActive}) or, on failure, the error type, HTTP status and Blooio error code.
 * <p>
 * With the starter, what Blooio's v4 safety events said about each sending number shows
 * under {@code safety} (action, tier, reasons, banned), banned numbers are marked
 * {@code banned}, and when every active number is banned the status is
 * {@code OUT_OF_SERVICE}: nothing can be sent. They never contain the API key, message
 * content or Blooio's error messages.
 * <p>
 * A check that takes longer than its timeout (retries included) reports {@code DOWN}, so
 * that a Blooio that does not answer cannot hold a probe for the client's retries and
 * response timeouts together. Results, failed checks included, are kept for a time to
 * live so that frequent probes do not call Blooio each time, and a Blooio that is down is
 * not asked more often than that; probes arriving while a check runs share it.
 *
 * @since 0.1.0
 */
public final class BlooioHealthIndicator implements ReactiveHealthIndicator {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(BlooioHealthIndicator.class);

	private final BlooioOperations blooio;

	private final Duration timeout;

	private final HealthCheckCache cache;

	private final SafetyState safety;

	/**
	 * Creates an indicator whose checks time out after 10 seconds.
	 * @param blooio the Blooio client to check with
	 * @param cacheTimeToLive how long a result is reused; {@link Duration#ZERO} checks at
	 * every call
	 */
	public BlooioHealthIndicator(BlooioOperations blooio, Duration cacheTimeToLive) {
		this(blooio, cacheTimeToLive, DEFAULT_TIMEOUT);
	}

	/**
	 * Creates an indicator.
	 * @param blooio the Blooio client to check with
	 * @param cacheTimeToLive how long a result is reused; {@link Duration#ZERO} checks at
	 * every call
	 * @param timeout the longest a check may take, retries included, before it reports
	 * {@code DOWN}
	 */
	public BlooioHealthIndicator(BlooioOperations blooio, Duration cacheTimeToLive, Duration timeout) {
		this(blooio, cacheTimeToLive, timeout, Clock.systemUTC());
	}

	BlooioHealthIndicator(BlooioOperations blooio, Duration cacheTimeToLive, Duration timeout, Clock clock) {
		this(blooio, cacheTimeToLive, timeout, clock, new SafetyState());
	}

	BlooioHealthIndicator(BlooioOperations blooio, Duration cacheTimeToLive, Duration timeout, Clock clock,
			SafetyState safety) {
		Assert.notNull(blooio, "blooio must not be null");
		Assert.isTrue(cacheTimeToLive != null && !cacheTimeToLive.isNegative(), "cacheTimeToLive must not be negative");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		this.blooio = blooio;
		this.timeout = timeout;
		this.cache = new HealthCheckCache(this::check, cacheTimeToLive, clock);
		this.safety = safety;
	}

	@Override
	public Mono<Health> health() {
		// safety events change the answer at once, cached check or not
		return this.cache.get().map(this.safety::applyTo);
	}

	private Mono<Health> check() {
		return Mono.defer(() -> this.blooio.account().me())
			.map(BlooioHealthIndicator::fromMe)
			.switchIfEmpty(Mono.fromSupplier(() -> Health.down().withDetail("reason", "Blooio sent no answer").build()))
			.timeout(this.timeout)
			.onErrorResume((ex) -> Mono.just(fromFailure(ex)));
	}

	private static Health fromMe(Me me) {
		if (Boolean.FALSE.equals(me.valid())) {
			return Health.down().withDetail("reason", "Blooio reports the API key as not valid").build();
		}
		List<Map<String, Object>> numbers = new ArrayList<>();
		boolean anyActive = false;
		for (AccountNumber device : me.devices()) {
			numbers.add(describe(device));
			anyActive |= device.active();
		}
		if (anyActive) {
			return Health.up().withDetail("numbers", numbers).build();
		}
		String reason = numbers.isEmpty() ? "The API key has no sender number"
				: "No sender number is active: their devices are offline or locked";
		return Health.outOfService().withDetail("reason", reason).withDetail("numbers", numbers).build();
	}

	private static Map<String, Object> describe(AccountNumber device) {
		Map<String, Object> number = new LinkedHashMap<>();
		if (device.phoneNumber() != null) {
			number.put("number", device.phoneNumber());
		}
		number.put("active", device.active());
		if (device.planKind() != null) {
			number.put("planKind", device.planKind());
		}
		if (device.lastActive() != null) {
			number.put("lastActive", device.lastActive().toString());
		}
		return number;
	}

	private static Health fromFailure(Throwable ex) {
		Health.Builder health = Health.down().withDetail("error", ex.getClass().getName());
		if (ex instanceof BlooioAuthenticationException) {
			health.withDetail("reason", "Blooio rejected the API key (blooio.api-key)");
		}
		if (ex instanceof TimeoutException) {
			health.withDetail("reason", "The check did not finish within its timeout (blooio.health.timeout)");
		}
		if (ex instanceof BlooioApiException apiException) {
			health.withDetail("httpStatus", apiException.getStatusCode());
			if (apiException.getCode() != null) {
				health.withDetail("code", apiException.getCode());
			}
		}
		else if (ex instanceof BlooioInvalidResponseException invalidResponse) {
			health.withDetail("httpStatus", invalidResponse.getStatusCode());
		}
		Health down = health.build();
		log(ex, down);
		return down;
	}

	private static void log(Throwable ex, Health down) {
		// The details, not the exception's message: it may quote Blooio's own message
		String message = "Blooio health check failed: " + down.getDetails();
		if (ex instanceof BlooioException) {
			logger.warn(message);
			if (logger.isDebugEnabled()) {
				logger.debug("Blooio health check failure", ex);
			}
		}
		else {
			logger.warn(message, ex);
		}
	}

}
