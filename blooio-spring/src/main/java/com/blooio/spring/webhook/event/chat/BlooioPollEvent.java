package com.blooio.spring.webhook.event.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.event.WebhookDelivery;

/**
 * Base class of the poll events ({@code poll.*}, v4 only): {@link #getPollId()} is what
 * {@code ChatOperations} takes to read a poll's results.
 *
 * @since 0.1.0
 */
public abstract class BlooioPollEvent extends BlooioChatEvent {

	private final @Nullable String pollId;

	private final @Nullable String title;

	private final List<String> options;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param eventType the event name
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 * @param chatId the chat, or {@code null}
	 * @param sender who created the poll or voted, or {@code null}
	 * @param pollId the poll, or {@code null}
	 * @param title the poll's question, or {@code null}
	 * @param options the poll's options, in order; empty when the event names none
	 */
	protected BlooioPollEvent(Object source, String eventType, WebhookDelivery delivery, String json,
			@Nullable String chatId, @Nullable String sender, @Nullable String pollId, @Nullable String title,
			List<String> options) {
		super(source, eventType, delivery, json, chatId, sender);
		this.pollId = pollId;
		this.title = title;
		this.options = List.copyOf(options);
	}

	/**
	 * Returns the poll's id.
	 * @return the poll id, or {@code null}
	 */
	public @Nullable String getPollId() {
		return this.pollId;
	}

	/**
	 * Returns the poll's question.
	 * @return the title, or {@code null}
	 */
	public @Nullable String getTitle() {
		return this.title;
	}

	/**
	 * Returns the poll's options, in order.
	 * @return the options; empty when the event names none
	 */
	public List<String> getOptions() {
		return this.options;
	}

}
