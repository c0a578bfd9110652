package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message held by the simulator. The status fields change as the lifecycle advances;
 * they are guarded by {@link SimulatorState}'s lock.
 */
final class StoredMessage {

	final String id;

	final StoredChat chat;

	final boolean inbound;

	final @Nullable String text;

	final List<String> attachments;

	final @Nullable String sender;

	final long timeSent;

	String status;

	@Nullable Long timeDelivered;

	@Nullable String error;

	final List<StoredReaction> reactions = new ArrayList<>();

	StoredMessage(String id, StoredChat chat, boolean inbound, @Nullable String text, List<String> attachments,
			@Nullable String sender, long timeSent) {
		this.id = id;
		this.chat = chat;
		this.inbound = inbound;
		this.text = text;
		this.attachments = List.copyOf(attachments);
		this.sender = sender;
		this.timeSent = timeSent;
		this.status = inbound ? "received" : "queued";
	}

	/**
	 * Adds or removes a reaction: one entry per reaction and sender, whose {@code added}
	 * flag tells whether it is still on.
	 */
	void react(String reaction, @Nullable String sender, boolean add, long at) {
		for (StoredReaction existing : this.reactions) {
			if (existing.reaction.equals(reaction) && Objects.equals(existing.sender, sender)) {
				existing.added = add;
				existing.timeSent = at;
				return;
			}
		}
		this.reactions.add(new StoredReaction(reaction, sender, add, at));
	}

	String direction() {
		return this.inbound ? "inbound" : "outbound";
	}

}
