package com.blooio.spring.test.simulator.internal;

import java.util.List;

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

	String direction() {
		return this.inbound ? "inbound" : "outbound";
	}

}
