package com.blooio.spring.webhook.catchup;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of a {@link CatchUpCheckpointStore} that instances share, on top of every
 * store's: what one instance saves, another loads, and their saves never move it back
 * whatever their order. A second store on the same server stands for another instance. It
 * is kept to the millisecond.
 */
abstract class SharedCatchUpCheckpointStoreContractTests extends CatchUpCheckpointStoreContractTests {

	/**
	 * Creates another store sharing the checkpoint of {@link #store()}, as another
	 * instance of the application would.
	 * @return the store
	 */
	abstract CatchUpCheckpointStore anotherInstance();

	@Test
	void anotherInstanceLoadsTheCheckpointSaved() {
		store().save(T1);
		assertThat(anotherInstance().load()).isEqualTo(T1);
	}

	@Test
	void anotherInstanceMovesTheCheckpointForward() {
		store().save(T1);
		anotherInstance().save(T2);
		assertThat(store().load()).isEqualTo(T2);
	}

	@Test
	void earlierCheckpointOfAnotherInstanceNeverMovesItBack() {
		store().save(T2);
		anotherInstance().save(T1);
		assertThat(store().load()).isEqualTo(T2);
		assertThat(anotherInstance().load()).isEqualTo(T2);
	}

	@Test
	void instancesSavingAtOnceEndAtTheLatestCheckpoint() throws Exception {
		Instant latest = saveConcurrently((thread) -> (thread == 0) ? store() : anotherInstance());
		assertThat(store().load()).isEqualTo(latest);
	}

	@Test
	void nullCheckpointIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> store().save(null));
	}

	@Test
	void checkpointIsKeptRoundedDownToTheMillisecond() {
		store().save(T1.plusNanos(999_999));
		assertThat(store().load()).isEqualTo(T1);
	}

}
