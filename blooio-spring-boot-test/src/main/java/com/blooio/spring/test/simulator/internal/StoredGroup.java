package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.GroupEntry;

/**
 * A group held by the simulator: its name and members with the time each was added.
 * Guarded by {@link SimulatorState}'s lock.
 */
final class StoredGroup {

	final String groupId;

	@Nullable String name;

	final Map<String, Long> members = new LinkedHashMap<>();

	final long createdAt;

	/** The linked iMessage chat: every simulated group has one. */
	final String chatGuid;

	@Nullable String iconUrl;

	StoredGroup(String groupId, @Nullable String name, List<String> members, long createdAt) {
		this.groupId = groupId;
		this.name = name;
		this.createdAt = createdAt;
		this.chatGuid = "iMessage;+;chat" + Ids.hex(8);
		members.forEach((member) -> this.members.put(member, createdAt));
	}

	List<String> memberList() {
		return List.copyOf(this.members.keySet());
	}

	GroupEntry toEntry() {
		return new GroupEntry(this.groupId, this.name, memberList());
	}

}
