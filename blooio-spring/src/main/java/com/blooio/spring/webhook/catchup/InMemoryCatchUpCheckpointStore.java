package com.blooio.spring.webhook.catchup;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A {@link CatchUpCheckpointStore} in this application's memory: lost on restart, so the
 * first catch-up after one reads as far back as it is allowed to.
 *
 * @since 0.1.0
 */
public class InMemoryCatchUpCheckpointStore implements CatchUpCheckpointStore {

	private final AtomicReference<@Nullable Instant> checkpoint = new AtomicReference<>();

	@Override
	public @Nullable Instant load() {
		return this.checkpoint.get();
	}

	@Override
	public void save(Instant checkpoint) {
		if (checkpoint == null) {
			throw new IllegalArgumentException("checkpoint must not be null");
		}
		this.checkpoint.accumulateAndGet(checkpoint,
				(saved, offered) -> (saved == null || offered.isAfter(saved)) ? offered : saved);
	}

}
