package com.blooio.spring.test;

/**
 * Behaviour switches of a {@link BlooioSimulator}; {@link BlooioSimulator#reset()}
 * restores the defaults.
 */
public final class SimulatorSettings {

	private volatile boolean readReceipts;

	private final java.util.Set<String> failingChats = java.util.concurrent.ConcurrentHashMap.newKeySet();

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

	/**
	 * Makes every message later sent to a chat fail: it goes queued → failed with a
	 * {@code message.failed} webhook instead of being sent and delivered.
	 * @param chatId the chat id, not encoded (a phone, an email or a {@code grp_...} id)
	 * @return these settings
	 */
	public SimulatorSettings failDeliveriesTo(String chatId) {
		org.springframework.util.Assert.hasText(chatId, "chatId must not be empty");
		this.failingChats.add(chatId);
		return this;
	}

	boolean failsDeliveriesTo(String chatId) {
		return this.failingChats.contains(chatId);
	}

	void reset() {
		this.failingChats.clear();
		this.readReceipts = false;
	}

}
