package com.blooio.spring.model.message;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Adds or removes a reaction: a tapback or an emoji (emoji need macOS 14+ on the device).
 * <pre class="code">
 * ReactionRequest.add(Tapback.LOVE);
 * ReactionRequest.remove("😂");
 * </pre>
 *
 * @param reaction tapback name or emoji, without the {@code +}/{@code -} sign
 * @param add {@code true} to add, {@code false} to remove
 * @param direction which messages a relative index counts ({@code -1} = last), or
 * {@code null}
 * @since 0.1.0
 */
public record ReactionRequest(String reaction, boolean add, @Nullable Direction direction) {

	/**
	 * Validates the reaction.
	 * @param reaction tapback name or emoji, without sign
	 * @param add whether to add
	 * @param direction direction for relative indices, or {@code null}
	 */
	public ReactionRequest {
		Assert.hasText(reaction, "reaction must not be empty");
		Assert.isTrue(!reaction.startsWith("+") && !reaction.startsWith("-"),
				"reaction must not carry a sign; use add(..) or remove(..), or of(\"+love\")");
	}

	/**
	 * Adds a tapback.
	 * @param tapback the tapback
	 * @return the request
	 */
	public static ReactionRequest add(Tapback tapback) {
		return new ReactionRequest(tapback.wireValue(), true, null);
	}

	/**
	 * Adds a tapback or emoji.
	 * @param reaction tapback name or emoji
	 * @return the request
	 */
	public static ReactionRequest add(String reaction) {
		return new ReactionRequest(reaction, true, null);
	}

	/**
	 * Removes a tapback.
	 * @param tapback the tapback
	 * @return the request
	 */
	public static ReactionRequest remove(Tapback tapback) {
		return new ReactionRequest(tapback.wireValue(), false, null);
	}

	/**
	 * Removes a tapback or emoji.
	 * @param reaction tapback name or emoji
	 * @return the request
	 */
	public static ReactionRequest remove(String reaction) {
		return new ReactionRequest(reaction, false, null);
	}

	/**
	 * Parses a signed reaction as Blooio writes it, e.g. {@code "+love"} or
	 * {@code "-😂"}.
	 * @param signedReaction the reaction with a leading {@code +} or {@code -}
	 * @return the request
	 * @throws IllegalArgumentException if the sign is missing
	 */
	public static ReactionRequest of(String signedReaction) {
		Assert.isTrue(
				signedReaction != null && signedReaction.length() > 1
						&& (signedReaction.startsWith("+") || signedReaction.startsWith("-")),
				"A signed reaction must start with '+' (add) or '-' (remove), e.g. \"+love\"");
		return new ReactionRequest(signedReaction.substring(1), signedReaction.startsWith("+"), null);
	}

	/**
	 * Returns a copy for a relative message index ({@code "-1"} = last message) counted
	 * in the given direction only.
	 * @param direction inbound or outbound messages
	 * @return the request
	 */
	public ReactionRequest inDirection(Direction direction) {
		return new ReactionRequest(this.reaction, this.add, direction);
	}

	/**
	 * Returns the reaction as sent, with its sign.
	 * @return e.g. {@code "+love"}
	 */
	public String signedReaction() {
		return (this.add ? "+" : "-") + this.reaction;
	}

	@JsonValue
	Map<String, String> toJson() {
		Map<String, String> json = new LinkedHashMap<>();
		json.put("reaction", signedReaction());
		if (this.direction != null) {
			json.put("direction", this.direction.wireValue());
		}
		return json;
	}

}
