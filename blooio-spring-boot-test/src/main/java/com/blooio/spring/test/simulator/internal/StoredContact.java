package com.blooio.spring.test.simulator.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.ContactEntry;

/**
 * A contact held by the simulator. Guarded by {@link SimulatorState}'s lock.
 */
final class StoredContact {

	final String contactId;

	final String identifier;

	@Nullable String name;

	final long createdAt;

	/** The tags, each with the time it was added. */
	final Map<String, Long> tags = new LinkedHashMap<>();

	StoredContact(String identifier, @Nullable String name, long createdAt) {
		this.contactId = Ids.contactId(identifier);
		this.identifier = identifier;
		this.name = name;
		this.createdAt = createdAt;
	}

	String type() {
		return this.identifier.contains("@") ? "email" : "phone";
	}

	ContactEntry toEntry() {
		return new ContactEntry(this.contactId, this.identifier, this.name, type(),
				Instant.ofEpochMilli(this.createdAt));
	}

}
