package com.blooio.spring.webhook.catchup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link CatchUpCheckpointStore} keeps: nothing until a checkpoint is
 * saved, then the latest one saved, never moved back, also by threads saving at once.
 * Each store's tests extend this class and say how to create an empty store.
 */
abstract class CatchUpCheckpointStoreContractTests {

	/** A checkpoint, to the millisecond as every store keeps it. */
	static final Instant T1 = Instant.parse("2025-01-15T10:00:00.123Z");

	static final Instant T2 = T1.plusSeconds(60);

	static final Instant T3 = T2.plusMillis(1);

	private static final int THREADS = 8;

	private static final int SAVES_PER_THREAD = 50;

	private CatchUpCheckpointStore store;

	/**
	 * Creates an empty store.
	 * @return the store
	 */
	abstract CatchUpCheckpointStore createStore();

	@BeforeEach
	void createTheStore() {
		this.store = createStore();
	}

	CatchUpCheckpointStore store() {
		return this.store;
	}

	@Test
	void loadsNothingBeforeACheckpointIsSaved() {
		assertThat(this.store.load()).isNull();
	}

	@Test
	void loadsTheCheckpointSaved() {
		this.store.save(T1);
		assertThat(this.store.load()).isEqualTo(T1);
	}

	@Test
	void laterCheckpointMovesItForward() {
		this.store.save(T1);
		this.store.save(T2);
		assertThat(this.store.load()).isEqualTo(T2);
	}

	@Test
	void checkpointOneMillisecondLaterMovesItForward() {
		this.store.save(T2);
		this.store.save(T3);
		assertThat(this.store.load()).isEqualTo(T3);
	}

	@Test
	void earlierCheckpointNeverMovesItBack() {
		this.store.save(T2);
		this.store.save(T1);
		assertThat(this.store.load()).isEqualTo(T2);
	}

	@Test
	void sameCheckpointSavedAgainKeepsIt() {
		this.store.save(T1);
		this.store.save(T1);
		assertThat(this.store.load()).isEqualTo(T1);
	}

	@Test
	void checkpointBeforeTheEpochIsKept() {
		Instant beforeEpoch = Instant.parse("1969-07-20T20:17:40Z");
		this.store.save(beforeEpoch);
		assertThat(this.store.load()).isEqualTo(beforeEpoch);
	}

	@Test
	void threadsSavingAtOnceEndAtTheLatestCheckpoint() throws Exception {
		Instant latest = saveConcurrently((thread) -> this.store);
		assertThat(this.store.load()).isEqualTo(latest);
	}

	/**
	 * Saves checkpoints from several threads at once, each in an order of its own.
	 * @param storeOfThread the store each thread saves to
	 * @return the latest checkpoint saved
	 */
	static Instant saveConcurrently(IntFunction<CatchUpCheckpointStore> storeOfThread) throws Exception {
		List<Instant> checkpoints = new ArrayList<>();
		for (int i = 0; i < THREADS * SAVES_PER_THREAD; i++) {
			checkpoints.add(T1.plusMillis(i));
		}
		Collections.shuffle(checkpoints);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			CyclicBarrier start = new CyclicBarrier(THREADS);
			List<Future<?>> threads = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				CatchUpCheckpointStore store = storeOfThread.apply(thread);
				List<Instant> own = checkpoints.subList(thread * SAVES_PER_THREAD, (thread + 1) * SAVES_PER_THREAD);
				threads.add(executor.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					own.forEach(store::save);
					return null;
				}));
			}
			for (Future<?> thread : threads) {
				thread.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		return Collections.max(checkpoints);
	}

}
