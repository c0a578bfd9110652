package com.blooio.spring.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Health;

import com.blooio.spring.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HealthCheckCache}.
 */
class HealthCheckCacheTests {

	private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

	private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(5);

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger checks = new AtomicInteger();

	private Sinks.One<Health> running = Sinks.one();

	private final HealthCheckCache cache = new HealthCheckCache(this::check, TIME_TO_LIVE, this.clock);

	@Test
	void callersArrivingDuringACheckShareIt() {
		Mono<Health> first = this.cache.get();
		Mono<Health> second = this.cache.get();
		StepVerifier.create(Mono.zip(first, second))
			.then(() -> this.running.tryEmitValue(Health.up().build()))
			.assertNext((both) -> assertThat(both.getT2()).isSameAs(both.getT1()))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void callerThatCancelsLeavesTheCheckRunningForOthers() {
		Disposable cancelled = this.cache.get().subscribe();
		cancelled.dispose();
		this.running.tryEmitValue(Health.up().build());
		StepVerifier.create(this.cache.get())
			.assertNext((health) -> assertThat(health).isEqualTo(Health.up().build()))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void timeToLiveCountsFromTheEndOfTheCheck() {
		StepVerifier.create(this.cache.get())
			.then(() -> this.clock.advance(TIME_TO_LIVE.plusSeconds(5)))
			.then(() -> this.running.tryEmitValue(Health.up().build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		this.clock.advance(TIME_TO_LIVE.minusMillis(1));
		StepVerifier.create(this.cache.get()).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void checkThatEndsEmptyFailsAndIsRunAgainAfterTimeToLive() {
		StepVerifier.create(this.cache.get())
			.then(() -> this.running.tryEmitEmpty())
			.expectError(IllegalStateException.class)
			.verify(VERIFY_TIMEOUT);
		this.clock.advance(TIME_TO_LIVE);
		StepVerifier.create(this.cache.get())
			.then(() -> this.running.tryEmitValue(Health.down().build()))
			.expectNext(Health.down().build())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.checks).hasValue(2);
	}

	private Mono<Health> check() {
		this.checks.incrementAndGet();
		this.running = Sinks.one();
		return this.running.asMono();
	}

}
