package com.blooio.spring.test;

/**
 * Behaviour switches of a {@link BlooioSimulator}; {@link BlooioSimulator#reset()}
 * restores the defaults.
 */
public final class SimulatorSettings {

	private volatile boolean readReceipts;

	SimulatorSettings() {
	}

	/**
	 * Sets whether a {@code message.read} event follows {@code message.delivered} for
	 * every sent message. Off by default.
	 * @param readReceipts whether recipients read their messages
	 * @return these settings
	 */
	public SimulatorSettings readReceipts(boolean readReceipts) {
		this.readReceipts = readReceipts;
		return this;
	}

	boolean readReceipts() {
		return this.readReceipts;
	}

	void reset() {
		this.readReceipts = false;
	}

}
