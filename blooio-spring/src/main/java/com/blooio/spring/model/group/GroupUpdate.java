package com.blooio.spring.model.group;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to a group update: the updated group and how the change reached the
 * linked iMessage chat.
 *
 * @param group the updated group
 * @param deviceSync the device sync result, or {@code null} when Blooio sent none
 * @since 0.1.0
 */
public record GroupUpdate(Group group, @Nullable GroupDeviceSync deviceSync) {

}
