package com.blooio.spring.test.simulator;

import org.springframework.util.Assert;

import com.blooio.spring.test.simulator.internal.SimulatorEngine;

/**
 * Behaviour switches of a {@link BlooioSimulator}; {@link BlooioSimulator#reset()}
 * restores the defaults.
 *
 * @since 0.1.0
 */
public final class SimulatorSettings {

	private final SimulatorEngine engine;

	SimulatorSettings(SimulatorEngine engine) {
		this.engine = engine;
	}

	/**
	 * Sets whether a {@code message.read} event follows {@code message.delivered} for
	 * every sent message. Off by default.
	 * @param readReceipts whether recipients read their messages
	 * @return these settings
	 */
	public SimulatorSettings readReceipts(boolean readReceipts) {
		this.engine.readReceipts(readReceipts);
		return this;
	}

	/**
	 * Makes v2 {@code POST /webhooks} answer {@code 410 Gone} for a URL not already
	 * registered, as live Blooio does since new subscriptions moved to v4 (an already
	 * registered URL still gets its idempotent 200). Off by default, as in Blooio's v2
	 * document.
	 * @param retired whether creating v2 subscriptions for new URLs is refused
	 * @return these settings
	 */
	public SimulatorSettings retireV2WebhookCreation(boolean retired) {
		this.engine.retireV2WebhookCreation(retired);
		return this;
	}

	/**
	 * Selects the shape of the v4 webhook bodies delivered from now on: Blooio's OpenAPI
	 * document's (the default) or its guides'. The event feed always lists the document's
	 * {@code Event}.
	 * @param shape the envelope shape
	 * @return these settings
	 */
	public SimulatorSettings v4Envelope(V4Envelope shape) {
		Assert.notNull(shape, "shape must not be null");
		this.engine.v4Envelope(shape);
		return this;
	}

	/**
	 * Makes every message later sent to a chat fail: it goes queued → failed with a
	 * {@code message.failed} webhook instead of being sent and delivered.
	 * @param chatId the chat id, not encoded (a phone, an email or a {@code grp_...} id)
	 * @return these settings
	 */
	public SimulatorSettings failDeliveriesTo(String chatId) {
		Assert.hasText(chatId, "chatId must not be empty");
		this.engine.failDeliveriesTo(chatId);
		return this;
	}

	/**
	 * Keeps every message later sent to a chat queued: it is never sent, delivered or
	 * failed, and no status webhook follows. Useful to test what an application does when
	 * a message never reaches a final status.
	 * @param chatId the chat id, not encoded (a phone, an email or a {@code grp_...} id)
	 * @return these settings
	 */
	public SimulatorSettings holdDeliveriesTo(String chatId) {
		Assert.hasText(chatId, "chatId must not be empty");
		this.engine.holdDeliveriesTo(chatId);
		return this;
	}

}
