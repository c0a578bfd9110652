package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A chat held by the simulator: 1:1 with a phone or email, or a group. Guarded by
 * {@link SimulatorState}'s lock.
 */
final class StoredChat {

	final String id;

	@Nullable String groupName;

	List<String> participants;

	final List<StoredMessage> messages = new ArrayList<>();

	StoredChat(String id, @Nullable String groupName, List<String> participants) {
		this.id = id;
		this.groupName = groupName;
		this.participants = List.copyOf(participants);
	}

	boolean isGroup() {
		return this.id.startsWith("grp_");
	}

	String type() {
		if (isGroup()) {
			return "group";
		}
		return this.id.contains("@") ? "email" : "phone";
	}

}
