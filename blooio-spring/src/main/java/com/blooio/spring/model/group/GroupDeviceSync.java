package com.blooio.spring.model.group;

import org.jspecify.annotations.Nullable;

/**
 * How a group change was applied to the linked iMessage chat on the device.
 *
 * @param chatGuid the linked chat GUID, or {@code null}
 * @param action {@code add_participant}, {@code remove_participant} or {@code leave}
 * (group updates only), or {@code null}
 * @param synced whether the device applied the change, or {@code null}
 * @param error why syncing failed, or {@code null}
 * @param message Blooio's note on the sync (icon changes only), or {@code null}
 * @since 0.1.0
 */
public record GroupDeviceSync(@Nullable String chatGuid, @Nullable String action, @Nullable Boolean synced,
		@Nullable String error, @Nullable String message) {

}
