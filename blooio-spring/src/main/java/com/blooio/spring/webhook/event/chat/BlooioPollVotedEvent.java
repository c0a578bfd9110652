package com.blooio.spring.webhook.event.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * Someone voted on a poll, or took a vote back ({@code poll.voted}); {@link #getSender()}
 * is the voter.
 *
 * @since 0.1.0
 */
public class BlooioPollVotedEvent extends BlooioPollEvent {

	/** The event name. */
	public static final String TYPE = "poll.voted";

	private final @Nullable String votedOption;

	private final @Nullable Boolean selected;

	private final List<String> activeVotes;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param chatId the chat, or {@code null}
	 * @param sender the voter, or {@code null}
	 * @param pollId the poll, or {@code null}
	 * @param title the poll's question, or {@code null}
	 * @param options the poll's options, in order
	 * @param votedOption the option voted on, or {@code null}
	 * @param selected whether the vote was cast ({@code true}) or taken back
	 * ({@code false}), or {@code null} when the event does not say
	 * @param activeVotes the voter's options that stand after this vote
	 */
	public BlooioPollVotedEvent(Object source, WebhookDelivery delivery, String json, @Nullable String chatId,
			@Nullable String sender, @Nullable String pollId, @Nullable String title, List<String> options,
			@Nullable String votedOption, @Nullable Boolean selected, List<String> activeVotes) {
		super(source, TYPE, delivery, json, chatId, sender, pollId, title, options);
		this.votedOption = votedOption;
		this.selected = selected;
		this.activeVotes = List.copyOf(activeVotes);
	}

	/**
	 * Returns the option voted on.
	 * @return the option's text, or {@code null}
	 */
	public @Nullable String getVotedOption() {
		return this.votedOption;
	}

	/**
	 * Returns whether the vote was cast or taken back (Blooio's {@code toggled}:
	 * {@code on} or {@code off}).
	 * @return {@code true} if cast, {@code false} if taken back, {@code null} if not said
	 */
	public @Nullable Boolean getSelected() {
		return this.selected;
	}

	/**
	 * Returns the voter's options that stand after this vote.
	 * @return the options; empty when none stand or the event does not say
	 */
	public List<String> getActiveVotes() {
		return this.activeVotes;
	}

}
