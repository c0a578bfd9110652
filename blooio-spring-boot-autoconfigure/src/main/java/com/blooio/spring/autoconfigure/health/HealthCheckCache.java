package com.blooio.spring.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * Runs a health check at most once per time to live and shares it: callers that arrive
 * while a check is running wait for that check, callers that arrive within the time to
 * live after it finished get its result. The time to live counts from the end of the
 * check, so a slow check is not repeated at once.
 * <p>
 * A running check is not cancelled when its callers cancel (a probe that timed out), so
 * its result still serves the next probes.
 */
final class HealthCheckCache {

	private final Supplier<Mono<Health>> check;

	private final Duration timeToLive;

	private final Clock clock;

	private final AtomicReference<@Nullable Entry> current = new AtomicReference<>();

	HealthCheckCache(Supplier<Mono<Health>> check, Duration timeToLive, Clock clock) {
		Assert.isTrue(!timeToLive.isNegative(), "timeToLive must not be negative");
		this.check = check;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/**
	 * Returns the health, from the running or a fresh check, or by starting one.
	 * @return the health
	 */
	Mono<Health> get() {
		return Mono.defer(() -> entry().health);
	}

	private Entry entry() {
		while (true) {
			Entry entry = this.current.get();
			if (entry != null && entry.isFresh(this.clock.instant(), this.timeToLive)) {
				return entry;
			}
			Entry next = new Entry();
			if (this.current.compareAndSet(entry, next)) {
				next.run(this.check, this.clock);
				return next;
			}
		}
	}

	private static final class Entry {

		private final CompletableFuture<Health> result = new CompletableFuture<>();

		private final Mono<Health> health = Mono.fromFuture(this.result, true);

		private volatile @Nullable Instant completedAt;

		void run(Supplier<Mono<Health>> check, Clock clock) {
			Mono<Health> health;
			try {
				health = check.get();
			}
			catch (RuntimeException ex) {
				health = Mono.error(ex);
			}
			health.subscribe((value) -> complete(clock, () -> this.result.complete(value)),
					(ex) -> complete(clock, () -> this.result.completeExceptionally(ex)),
					() -> complete(clock, () -> this.result
						.completeExceptionally(new IllegalStateException("Health check completed without a result"))));
		}

		private void complete(Clock clock, Runnable completion) {
			if (!this.result.isDone()) {
				this.completedAt = clock.instant();
				completion.run();
			}
		}

		boolean isFresh(Instant now, Duration timeToLive) {
			Instant completedAt = this.completedAt;
			return completedAt == null || now.isBefore(completedAt.plus(timeToLive));
		}

	}

}
