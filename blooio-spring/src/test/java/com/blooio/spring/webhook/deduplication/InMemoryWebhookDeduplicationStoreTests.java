package com.blooio.spring.webhook.deduplication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryWebhookDeduplicationStore}.
 */
class InMemoryWebhookDeduplicationStoreTests {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(100, WINDOW,
			this.clock);

	@Test
	void firstClaimIsClaimed() {
		assertThat(this.store.claim("k")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void secondClaimWhileFirstIsBeingHandledIsInProgress() {
		this.store.claim("k");
		assertThat(this.store.claim("k")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void claimAfterCompleteIsCompleted() {
		this.store.claim("k");
		this.store.complete("k");
		assertThat(this.store.claim("k")).isEqualTo(Claim.COMPLETED);
		assertThat(this.store.claim("k")).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void claimAfterReleaseIsClaimedAgain() {
		this.store.claim("k");
		this.store.release("k");
		assertThat(this.store.claim("k")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void differentKeysAreIndependent() {
		this.store.claim("a");
		this.store.complete("a");
		assertThat(this.store.claim("b")).isEqualTo(Claim.CLAIMED);
		assertThat(this.store.claim("a")).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void completeAfterReleaseDoesNotRememberKey() {
		this.store.claim("k");
		this.store.release("k");
		this.store.complete("k");
		assertThat(this.store.claim("k")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void completeOfUnclaimedKeyDoesNotRememberIt() {
		this.store.complete("k");
		assertThat(this.store.size()).isZero();
		assertThat(this.store.claim("k")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void releaseOfUnknownKeyIsHarmless() {
		this.store.release("unknown");
		assertThat(this.store.size()).isZero();
	}

	@Test
	void completedKeyIsRememberedUntilJustBeforeWindowEnds() {
		this.store.claim("k");
		this.store.complete("k");
		this.clock.advance(WINDOW.minusSeconds(1));
		assertThat(this.store.claim("k")).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void completedKeyExpiresAfterWindow() {
		this.store.claim("k");
		this.store.complete("k");
		this.clock.advance(WINDOW);
		assertThat(this.store.claim("k")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void completedKeyIsRememberedForWindowCountedFromCompletion() {
		this.store.claim("k");
		this.clock.advance(Duration.ofMinutes(10));
		this.store.complete("k");
		this.clock.advance(WINDOW.minusMinutes(5));
		assertThat(this.store.claim("k")).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void abandonedInProgressClaimExpiresAfterWindow() {
		this.store.claim("k");
		this.clock.advance(WINDOW.plusSeconds(1));
		assertThat(this.store.claim("k")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void expiredEntriesAreEvictedOnNextClaim() {
		this.store.claim("a");
		this.store.claim("b");
		this.store.complete("b");
		this.clock.advance(WINDOW.plusSeconds(1));
		this.store.claim("c");
		assertThat(this.store.size()).isEqualTo(1);
	}

	@Test
	void storeIsBoundedAndOldestKeyCanBeClaimedAgain() {
		InMemoryWebhookDeduplicationStore bounded = new InMemoryWebhookDeduplicationStore(3, WINDOW, this.clock);
		for (int i = 1; i <= 5; i++) {
			assertThat(bounded.claim("k" + i)).isEqualTo(Claim.CLAIMED);
			bounded.complete("k" + i);
			assertThat(bounded.size()).isLessThanOrEqualTo(3);
		}
		assertThat(bounded.claim("k1")).isEqualTo(Claim.CLAIMED);
		assertThat(bounded.size()).isLessThanOrEqualTo(3);
	}

	@Test
	void boundedStoreKeepsNewestKeys() {
		InMemoryWebhookDeduplicationStore bounded = new InMemoryWebhookDeduplicationStore(3, WINDOW, this.clock);
		for (int i = 1; i <= 5; i++) {
			bounded.claim("k" + i);
			bounded.complete("k" + i);
		}
		assertThat(bounded.claim("k5")).isEqualTo(Claim.COMPLETED);
		assertThat(bounded.claim("k4")).isEqualTo(Claim.COMPLETED);
		assertThat(bounded.claim("k3")).isEqualTo(Claim.COMPLETED);
		assertThat(bounded.size()).isEqualTo(3);
	}

	@Test
	void storeOfOneRemembersOnlyLastKey() {
		InMemoryWebhookDeduplicationStore single = new InMemoryWebhookDeduplicationStore(1, WINDOW, this.clock);
		single.claim("a");
		single.complete("a");
		single.claim("b");
		assertThat(single.size()).isEqualTo(1);
		assertThat(single.claim("b")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void concurrentClaimsOfOneKeySucceedOnce() throws Exception {
		int threads = 8;
		int rounds = 1000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < rounds; round++) {
				String key = "key-" + round;
				CyclicBarrier start = new CyclicBarrier(threads);
				List<Future<Claim>> claims = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					claims.add(executor.submit(() -> {
						start.await(5, TimeUnit.SECONDS);
						return this.store.claim(key);
					}));
				}
				List<Claim> results = new ArrayList<>();
				for (Future<Claim> claim : claims) {
					results.add(claim.get(5, TimeUnit.SECONDS));
				}
				assertThat(results).as(key).filteredOn((claim) -> claim == Claim.CLAIMED).hasSize(1);
				assertThat(results).as(key).filteredOn((claim) -> claim == Claim.IN_PROGRESS).hasSize(threads - 1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void concurrentClaimsOfDistinctKeysKeepTheStoreBoundedAndEachKeyClaimedOnce() throws Exception {
		int threads = 8;
		int keysPerThread = 2000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<Long>> claimedCounts = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String prefix = "thread-" + i + "-";
				claimedCounts.add(executor.submit(() -> {
					start.await(5, TimeUnit.SECONDS);
					long claimed = 0;
					for (int key = 0; key < keysPerThread; key++) {
						claimed += (this.store.claim(prefix + key) == Claim.CLAIMED) ? 1 : 0;
					}
					return claimed;
				}));
			}
			for (Future<Long> claimed : claimedCounts) {
				assertThat(claimed.get(10, TimeUnit.SECONDS)).isEqualTo(keysPerThread);
			}
			assertThat(this.store.size()).isBetween(100, 100 + threads);
			this.store.claim("after");
			assertThat(this.store.size()).isEqualTo(100);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void defaultConstructorUsesSystemClock() {
		InMemoryWebhookDeduplicationStore systemClock = new InMemoryWebhookDeduplicationStore(10, WINDOW);
		assertThat(systemClock.claim("k")).isEqualTo(Claim.CLAIMED);
		assertThat(systemClock.claim("k")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void constructorRejectsZeroMaxEntries() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(0, WINDOW, this.clock));
	}

	@Test
	void constructorRejectsNegativeMaxEntries() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(-1, WINDOW, this.clock));
	}

	@Test
	void constructorRejectsNullWindow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(10, null, this.clock));
	}

	@Test
	void constructorRejectsZeroWindow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(10, Duration.ZERO, this.clock));
	}

	@Test
	void constructorRejectsNegativeWindow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(10, Duration.ofSeconds(-1), this.clock));
	}

	/**
	 * A clock tests move forward by hand.
	 */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
