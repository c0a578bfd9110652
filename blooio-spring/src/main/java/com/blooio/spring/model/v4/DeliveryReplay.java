package com.blooio.spring.model.v4;

import org.jspecify.annotations.Nullable;

/**
 * A replay Blooio queued: the event is delivered again, with the same event id, so a
 * receiver that handled it already recognises it.
 *
 * @param id the new delivery's id
 * @param replayOf the delivery replayed, or {@code null}
 * @param status the new delivery's state, or {@code null}
 * @since 0.1.0
 */
public record DeliveryReplay(String id, @Nullable String replayOf, @Nullable String status) {

}
