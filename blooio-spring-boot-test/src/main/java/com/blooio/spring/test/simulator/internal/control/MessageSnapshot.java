package com.blooio.spring.test.simulator.internal.control;

import java.util.List;

/**
 * What the control API shows of a stored message besides its send: where its lifecycle
 * stands and what it carried.
 * <p>
 * Not API: public only for the simulator's engine.
 *
 * @param status the current status ({@code queued}, {@code sent}, {@code delivered},
 * {@code read}, {@code failed}, or {@code received} for an inbound message)
 * @param attachments the attachment URLs
 */
public record MessageSnapshot(String status, List<String> attachments) {

	/**
	 * Copies the attachments.
	 * @param status the current status
	 * @param attachments the attachment URLs
	 */
	public MessageSnapshot {
		attachments = List.copyOf(attachments);
	}

}
