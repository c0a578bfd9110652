package com.blooio.spring.test.simulator;

import java.util.List;
import java.util.function.Function;

import org.springframework.util.Assert;

/**
 * A group chat in the simulator; {@link #from(String)} picks who writes in it.
 *
 * @since 0.1.0
 */
public final class SimulatedGroup {

	private final List<String> participants;

	private final Function<String, SimulatedSender> senders;

	SimulatedGroup(List<String> participants, Function<String, SimulatedSender> senders) {
		this.participants = participants;
		this.senders = senders;
	}

	/**
	 * Returns a member of the group writing in it.
	 * @param sender the member's phone or email, one of the participants
	 * @return the sender
	 */
	public SimulatedSender from(String sender) {
		Assert.isTrue(this.participants.contains(sender), () -> sender + " is not a participant of the group");
		return this.senders.apply(sender);
	}

}
