package com.blooio.spring.webhook.deduplication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.support.MutableClock;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryWebhookDeduplicationStore}: the store contract, and what is
 * particular to memory (exact windows, bounds, early evictions).
 */
class InMemoryWebhookDeduplicationStoreTests extends WebhookDeduplicationStoreContractTests {

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.of(InMemoryWebhookDeduplicationStore.class);

	private final MutableClock clock = new MutableClock();

	@Override
	protected InMemoryWebhookDeduplicationStore createStore() {
		return new InMemoryWebhookDeduplicationStore(100, RETENTION, this.clock);
	}

	@Override
	protected void expire(String key) {
		this.clock.advance(LEASE.plus(RETENTION));
	}

	private InMemoryWebhookDeduplicationStore memoryStore() {
		return (InMemoryWebhookDeduplicationStore) store();
	}

	@Test
	void leaseHoldsUntilJustBeforeItEnds() {
		memoryStore().claim("k", LEASE);
		this.clock.advance(LEASE.minusMillis(1));
		assertThat(memoryStore().claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(memoryStore().claim("k", LEASE).isClaimed()).isTrue();
	}

	@Test
	void completedKeyIsRememberedUntilJustBeforeRetentionEnds() {
		Claim claim = memoryStore().claim("k", LEASE);
		memoryStore().complete("k", claim.owner());
		this.clock.advance(RETENTION.minusMillis(1));
		assertThat(memoryStore().claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(memoryStore().claim("k", LEASE).isClaimed()).isTrue();
	}

	@Test
	void retentionCountsFromCompletionNotFromTheClaim() {
		Claim claim = memoryStore().claim("k", LEASE);
		this.clock.advance(Duration.ofMinutes(5));
		memoryStore().complete("k", claim.owner());
		this.clock.advance(RETENTION.minusMillis(1));
		assertThat(memoryStore().claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void expiredKeysAreDropped() {
		Claim a = memoryStore().claim("a", LEASE);
		memoryStore().complete("a", a.owner());
		memoryStore().claim("b", LEASE);
		this.clock.advance(LEASE.plus(RETENTION));
		memoryStore().claim("c", LEASE);
		assertThat(memoryStore().size()).isEqualTo(1);
	}

	@Test
	void claimsWithoutBlocking() {
		assertThat(memoryStore().claimsWithoutBlocking()).isTrue();
	}

	@Test
	void fullStoreDropsTheOldestKeyAndCountsTheEarlyEviction() {
		InMemoryWebhookDeduplicationStore bounded = new InMemoryWebhookDeduplicationStore(3, RETENTION, this.clock);
		for (int i = 1; i <= 4; i++) {
			Claim claim = bounded.claim("k" + i, LEASE);
			bounded.complete("k" + i, claim.owner());
		}
		assertThat(bounded.size()).isEqualTo(3);
		assertThat(bounded.getEarlyEvictions()).isEqualTo(1);
		assertThat(bounded.claim("k1", LEASE).isClaimed()).isTrue();
		assertWarnedOnceOfAFullStore(3);
	}

	@Test
	void fullStoreKeepsTheNewestKeys() {
		// the newest keys are the ones Blooio may still redeliver
		InMemoryWebhookDeduplicationStore bounded = new InMemoryWebhookDeduplicationStore(1000, RETENTION, this.clock);
		for (int i = 0; i < 5000; i++) {
			Claim claim = bounded.claim("k" + i, LEASE);
			bounded.complete("k" + i, claim.owner());
		}
		for (int i = 4000; i < 5000; i++) {
			assertThat(bounded.claim("k" + i, LEASE)).as("k" + i).isEqualTo(Claim.COMPLETED);
		}
		assertWarnedOnceOfAFullStore(1000);
	}

	@Test
	void storeOfOneRemembersOnlyTheLastKey() {
		InMemoryWebhookDeduplicationStore single = new InMemoryWebhookDeduplicationStore(1, RETENTION, this.clock);
		Claim a = single.claim("a", LEASE);
		single.complete("a", a.owner());
		single.claim("b", LEASE);
		assertThat(single.size()).isEqualTo(1);
		assertThat(single.claim("b", LEASE)).isEqualTo(Claim.IN_PROGRESS);
		assertWarnedOnceOfAFullStore(1);
	}

	@Test
	void expiryIsNotCountedAsAnEarlyEviction() {
		InMemoryWebhookDeduplicationStore bounded = new InMemoryWebhookDeduplicationStore(3, RETENTION, this.clock);
		for (int i = 1; i <= 3; i++) {
			Claim claim = bounded.claim("k" + i, LEASE);
			bounded.complete("k" + i, claim.owner());
		}
		this.clock.advance(RETENTION.plusSeconds(1));
		for (int i = 4; i <= 6; i++) {
			bounded.claim("k" + i, LEASE);
		}
		assertThat(bounded.size()).isEqualTo(3);
		assertThat(bounded.getEarlyEvictions()).isZero();
		assertThat(this.logs.events()).isEmpty();
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
						claimed += memoryStore().claim(prefix + key, LEASE).isClaimed() ? 1 : 0;
					}
					return claimed;
				}));
			}
			for (Future<Long> claimed : claimedCounts) {
				assertThat(claimed.get(10, TimeUnit.SECONDS)).isEqualTo(keysPerThread);
			}
			assertThat(memoryStore().size()).isBetween(100, 100 + threads);
			memoryStore().claim("after", LEASE);
			assertThat(memoryStore().size()).isEqualTo(100);
			assertWarnedOnceOfAFullStore(100);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void defaultConstructorUsesSystemClock() {
		InMemoryWebhookDeduplicationStore systemClock = new InMemoryWebhookDeduplicationStore(10, RETENTION);
		assertThat(systemClock.claim("k", LEASE).isClaimed()).isTrue();
		assertThat(systemClock.claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void constructorRejectsZeroMaxEntries() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(0, RETENTION, this.clock));
	}

	@Test
	void constructorRejectsNegativeMaxEntries() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(-1, RETENTION, this.clock));
	}

	@Test
	void constructorRejectsNullRetention() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(10, null, this.clock));
	}

	@Test
	void constructorRejectsZeroRetention() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(10, Duration.ZERO, this.clock));
	}

	@Test
	void constructorRejectsNegativeRetention() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeduplicationStore(10, Duration.ofSeconds(-1), this.clock));
	}

	private void assertWarnedOnceOfAFullStore(int maxEntries) {
		assertThat(this.logs.messages(Level.WARN)).singleElement()
			.asString()
			.startsWith("The in-memory Blooio webhook de-duplication store is full (" + maxEntries + " keys)")
			.contains("blooio.webhook.deduplication.memory.max-entries");
	}

}
