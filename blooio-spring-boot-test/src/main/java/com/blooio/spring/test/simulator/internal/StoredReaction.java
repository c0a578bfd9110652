package com.blooio.spring.test.simulator.internal;

import org.jspecify.annotations.Nullable;

/**
 * A reaction on a message: a tapback ({@code love}, {@code like}, ...) or an emoji, by
 * you ({@code sender} {@code null}) or by a contact. Guarded by {@link SimulatorState}'s
 * lock.
 */
final class StoredReaction {

	final String reaction;

	final @Nullable String sender;

	boolean added;

	long timeSent;

	StoredReaction(String reaction, @Nullable String sender, boolean added, long timeSent) {
		this.reaction = reaction;
		this.sender = sender;
		this.added = added;
		this.timeSent = timeSent;
	}

}
