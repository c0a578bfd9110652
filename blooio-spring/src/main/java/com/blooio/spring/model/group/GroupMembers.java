package com.blooio.spring.model.group;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.model.Page;

/**
 * One page of a group's members, with the group they belong to as Blooio sends it next to
 * them.
 *
 * @param groupId the group id, as Blooio sent it or, when it sent none, as asked for
 * @param groupName the group name, or {@code null} for an unnamed group
 * @param iconUrl the group icon, or {@code null}
 * @param page the members
 * @since 0.1.0
 */
public record GroupMembers(String groupId, @Nullable String groupName, @Nullable String iconUrl,
		Page<GroupMember> page) {

}
