package com.blooio.spring.webhook.catchup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where catch-up keeps its checkpoint: the time up to which the event feed has been
 * published. Instances that share a de-duplication store should share this too, so that
 * one instance's catch-up spares the others re-reading what it published.
 * <p>
 * Implementations must be thread-safe, and {@link #save(Instant)} must never move the
 * checkpoint back: two instances catching up at once may save in either order.
 *
 * @since 0.1.0
 */
public interface CatchUpCheckpointStore {

	/**
	 * Returns the checkpoint.
	 * @return the latest checkpoint saved, or {@code null} when none was
	 */
	@Nullable Instant load();

	/**
	 * Saves a checkpoint, unless a later one is saved already.
	 * @param checkpoint the time up to which the feed has been published
	 */
	void save(Instant checkpoint);

}
