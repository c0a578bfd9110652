package com.blooio.spring.model.group;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to setting or removing a group icon.
 *
 * @param success whether the change was accepted, or {@code null}
 * @param groupId the group id, or {@code null}
 * @param chatGuid the linked chat GUID, or {@code null}
 * @param iconUrl the new icon (set only), or {@code null}
 * @param deviceSync how the change reached the device, or {@code null}
 * @param message Blooio's note, or {@code null}
 * @since 0.1.0
 */
public record GroupIcon(@Nullable Boolean success, @Nullable String groupId, @Nullable String chatGuid,
		@Nullable String iconUrl, @Nullable GroupDeviceSync deviceSync, @Nullable String message) {

}
