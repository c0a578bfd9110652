package com.blooio.spring.webhook.catchup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What one catch-up did.
 *
 * @param since the time it read the event feed back to
 * @param read events read from the feed
 * @param published events published to listeners for the first time
 * @param duplicates events already published (by a webhook, or an earlier catch-up)
 * @param inProgress events another delivery was handling at that moment
 * @param failed events whose listeners failed or that could not be claimed; the
 * checkpoint stays before the oldest of them, so the next catch-up tries them again
 * @param checkpoint the checkpoint saved, or {@code null} when none could be
 * @since 0.1.0
 */
public record CatchUpResult(Instant since, int read, int published, int duplicates, int inProgress, int failed,
		@Nullable Instant checkpoint) {

}
