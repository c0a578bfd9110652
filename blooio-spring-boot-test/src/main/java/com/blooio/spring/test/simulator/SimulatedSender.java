package com.blooio.spring.test.simulator;

import java.util.List;
import java.util.function.BiFunction;

import org.springframework.util.Assert;

import com.blooio.spring.test.simulator.internal.SimulatorEngine;

/**
 * Someone writing to your Blooio number: each {@code sends} stores an inbound message and
 * delivers a signed {@code message.received} webhook to every subscription. The same
 * contact can vote on your polls and share a FindMy location.
 *
 * @since 0.1.0
 */
public final class SimulatedSender {

	private final String identifier;

	private final BiFunction<String, List<String>, String> inbound;

	private final SimulatorEngine engine;

	SimulatedSender(String identifier, BiFunction<String, List<String>, String> inbound, SimulatorEngine engine) {
		this.identifier = identifier;
		this.inbound = inbound;
		this.engine = engine;
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

	/**
	 * Votes on a poll sent with {@code POST /chats/{chatId}/polls}, replacing this
	 * contact's earlier vote on it; {@code GET /chats/{chatId}/polls/{pollId}} counts it.
	 * @param pollId the poll's {@code poll_id}
	 * @param option the text of the chosen option
	 * @throws IllegalArgumentException if there is no such poll or option
	 * @since 0.1.0
	 */
	public void votes(String pollId, String option) {
		Assert.hasText(pollId, "pollId must not be empty");
		Assert.hasText(option, "option must not be empty");
		this.engine.vote(pollId, this.identifier, option);
	}

	/**
	 * Shares this contact's FindMy location (or moves it), as
	 * {@code GET /location/contacts} lists it.
	 * @param latitude the latitude
	 * @param longitude the longitude
	 * @since 0.1.0
	 */
	public void sharesLocation(double latitude, double longitude) {
		Assert.isTrue(latitude >= -90 && latitude <= 90, "latitude must be from -90 to 90");
		Assert.isTrue(longitude >= -180 && longitude <= 180, "longitude must be from -180 to 180");
		this.engine.shareLocation(this.identifier, latitude, longitude);
	}

}
