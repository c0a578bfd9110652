package com.blooio.spring.model.group;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to a group update: the updated group and how the change reached the
 * linked iMessage chat.
 *
 * @param group the updated group
 * @param deviceSync the device sync result, or {@code null} when Blooio sent none
 */
public record GroupUpdate(Group group, @Nullable GroupDeviceSync deviceSync) {

}
