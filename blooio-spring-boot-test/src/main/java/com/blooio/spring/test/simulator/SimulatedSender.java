package com.blooio.spring.test.simulator;

import java.util.List;
import java.util.function.BiFunction;

import org.springframework.util.Assert;

/**
 * Someone writing to your Blooio number: each {@code sends} stores an inbound message and
 * delivers a signed {@code message.received} webhook to every subscription.
 *
 * @since 0.1.0
 */
public final class SimulatedSender {

	private final BiFunction<String, List<String>, String> inbound;

	SimulatedSender(BiFunction<String, List<String>, String> inbound) {
		this.inbound = inbound;
	}

	/**
	 * Sends a text message.
	 * @param text the text
	 * @return the id of the inbound message
	 */
	public String sends(String text) {
		return sends(text, List.of());
	}

	/**
	 * Sends a message with attachments.
	 * @param text the text
	 * @param attachmentUrls URLs of the attachments
	 * @return the id of the inbound message
	 */
	public String sends(String text, List<String> attachmentUrls) {
		Assert.notNull(text, "text must not be null");
		Assert.notNull(attachmentUrls, "attachmentUrls must not be null");
		return this.inbound.apply(text, List.copyOf(attachmentUrls));
	}

}
