package com.blooio.spring.webhook.deduplication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link WebhookDeduplicationStore} keeps: leases, owner tokens,
 * completion and release, expiry and atomic claims. Each store's tests extend this class
 * and say how to create the store and how to let a key's time run out.
 */
public abstract class WebhookDeduplicationStoreContractTests {

	/** Lease used by the tests: far longer than any test takes. */
	protected static final Duration LEASE = Duration.ofMinutes(10);

	/** Retention used by the tests. */
	protected static final Duration RETENTION = Duration.ofHours(1);

	private WebhookDeduplicationStore store;

	/**
	 * Creates an empty store that remembers completed keys for {@link #RETENTION}.
	 * @return the store
	 */
	protected abstract WebhookDeduplicationStore createStore();

	/**
	 * Lets the current lease or retention window of a key run out, as if its time had
	 * passed.
	 * @param key the key
	 */
	protected abstract void expire(String key);

	@BeforeEach
	void createTheStore() {
		this.store = createStore();
	}

	protected WebhookDeduplicationStore store() {
		return this.store;
	}

	@Test
	void firstClaimIsClaimedWithAnOwner() {
		Claim claim = this.store.claim("k", LEASE);
		assertThat(claim.status()).isEqualTo(Status.CLAIMED);
		assertThat(claim.owner()).isNotBlank();
	}

	@Test
	void claimWhileALeaseIsHeldIsInProgress() {
		this.store.claim("k", LEASE);
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void claimAfterCompletionIsCompleted() {
		Claim claim = this.store.claim("k", LEASE);
		assertThat(this.store.complete("k", claim.owner())).isTrue();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void claimMadeRightAfterAnAsynchronousCompletionIsNeverClaimed() {
		Claim claim = this.store.claim("k", LEASE);
		CompletionStage<Boolean> completion = this.store.completeAsync("k", claim.owner());
		Claim next = this.store.claim("k", LEASE);
		assertThat(completion.toCompletableFuture().join()).isTrue();
		assertThat(next.isClaimed()).isFalse();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void asynchronousCompletionByAnotherOwnerCompletesFalseAndTheLeaseHolds() {
		this.store.claim("k", LEASE);
		assertThat(this.store.completeAsync("k", "someone-else").toCompletableFuture().join()).isFalse();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void asynchronousClaimIsClaimedOnceAndThenInProgress() {
		Claim first = this.store.claimAsync("k", LEASE).toCompletableFuture().join();
		assertThat(first.isClaimed()).isTrue();
		assertThat(this.store.claimAsync("k", LEASE).toCompletableFuture().join()).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void asynchronousReleaseLetsTheKeyBeClaimedAgain() {
		Claim first = this.store.claim("k", LEASE);
		CompletionStage<Boolean> release = this.store.releaseAsync("k", first.owner());
		assertThat(release.toCompletableFuture().join()).isTrue();
		assertThat(this.store.claim("k", LEASE).isClaimed()).isTrue();
	}

	@Test
	void asynchronousReleaseByAnotherOwnerCompletesFalseAndTheLeaseHolds() {
		this.store.claim("k", LEASE);
		assertThat(this.store.releaseAsync("k", "someone-else").toCompletableFuture().join()).isFalse();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void claimAfterReleaseIsClaimedAgainByANewOwner() {
		Claim first = this.store.claim("k", LEASE);
		assertThat(this.store.release("k", first.owner())).isTrue();
		Claim second = this.store.claim("k", LEASE);
		assertThat(second.isClaimed()).isTrue();
		assertThat(second.owner()).isNotEqualTo(first.owner());
	}

	@Test
	void completionByAnotherOwnerIsRefusedAndTheLeaseHolds() {
		this.store.claim("k", LEASE);
		assertThat(this.store.complete("k", "someone-else")).isFalse();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void releaseByAnotherOwnerIsRefusedAndTheLeaseHolds() {
		this.store.claim("k", LEASE);
		assertThat(this.store.release("k", "someone-else")).isFalse();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void releaseOfACompletedKeyIsRefusedAndTheKeyStaysCompleted() {
		Claim claim = this.store.claim("k", LEASE);
		this.store.complete("k", claim.owner());
		assertThat(this.store.release("k", claim.owner())).isFalse();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void releaseOfAnUnknownKeyIsRefused() {
		assertThat(this.store.release("unknown", "nobody")).isFalse();
	}

	@Test
	void keysAreIndependent() {
		Claim a = this.store.claim("a", LEASE);
		this.store.complete("a", a.owner());
		assertThat(this.store.claim("b", LEASE).isClaimed()).isTrue();
		assertThat(this.store.claim("a", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void abandonedLeaseExpiresSoThatARedeliveryIsClaimed() {
		this.store.claim("k", LEASE);
		expire("k");
		assertThat(this.store.claim("k", LEASE).isClaimed()).isTrue();
	}

	@Test
	void ownerWhoseExpiredLeaseWasTakenOverCannotCompleteOrRelease() {
		Claim first = this.store.claim("k", LEASE);
		expire("k");
		Claim second = this.store.claim("k", LEASE);
		assertThat(this.store.complete("k", first.owner())).isFalse();
		assertThat(this.store.release("k", first.owner())).isFalse();
		assertThat(this.store.complete("k", second.owner())).isTrue();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void ownerCompletesAfterItsLeaseRanOutWhenNobodyClaimedTheKeySince() {
		Claim claim = this.store.claim("k", LEASE);
		expire("k");
		assertThat(this.store.complete("k", claim.owner())).isTrue();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void ownerWhoseExpiredLeaseWasTakenOverCannotUndoTheCompletionOfTheNewOwner() {
		Claim first = this.store.claim("k", LEASE);
		expire("k");
		Claim second = this.store.claim("k", LEASE);
		assertThat(this.store.complete("k", second.owner())).isTrue();
		assertThat(this.store.release("k", first.owner())).isFalse();
		assertThat(this.store.complete("k", first.owner())).isFalse();
		assertThat(this.store.claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void everyClaimHasItsOwnOwner() {
		Set<String> owners = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			owners.add(this.store.claim("k" + i, LEASE).owner());
		}
		assertThat(owners).hasSize(100);
	}

	@Test
	void keysAreCaseSensitive() {
		// Blooio's message ids are mixed-case: two that differ in case are two events
		Claim upper = this.store.claim("message.received|CZIsqG9ZWd9gwjIEhZpHY", LEASE);
		this.store.complete("message.received|CZIsqG9ZWd9gwjIEhZpHY", upper.owner());
		assertThat(this.store.claim("message.received|czisqg9zwd9gwjiehzphy", LEASE).isClaimed()).isTrue();
	}

	@Test
	void completedKeyIsForgottenWhenItsRetentionEnds() {
		Claim claim = this.store.claim("k", LEASE);
		this.store.complete("k", claim.owner());
		expire("k");
		assertThat(this.store.claim("k", LEASE).isClaimed()).isTrue();
	}

	@Test
	void concurrentClaimsOfOneKeySucceedOnce() throws Exception {
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 50; round++) {
				String key = "key-" + round;
				CyclicBarrier start = new CyclicBarrier(threads);
				List<Future<Claim>> claims = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					claims.add(executor.submit(() -> {
						start.await(5, TimeUnit.SECONDS);
						return this.store.claim(key, LEASE);
					}));
				}
				List<Claim> results = new ArrayList<>();
				for (Future<Claim> claim : claims) {
					results.add(claim.get(10, TimeUnit.SECONDS));
				}
				assertThat(results).as(key).filteredOn(Claim::isClaimed).hasSize(1);
				assertThat(results).as(key).filteredOn((claim) -> claim == Claim.IN_PROGRESS).hasSize(threads - 1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
