package com.blooio.spring.test.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the simulated API and its webhooks, in Blooio's snake_case, as maps
 * ready to be written. Callers hold {@link SimulatorState}'s lock while reading mutable
 * fields.
 * <p>
 * A field the document types as a non-nullable value is left out rather than written as
 * {@code null} when there is no value (a chat without messages has no
 * {@code last_message_time}).
 */
final class Representations {

	static final String PROTOCOL = "imessage";

	private final SimulatorState state;

	private final String number;

	Representations(SimulatorState state, String number) {
		this.state = state;
		this.number = number;
	}

	Map<String, Object> listedMessage(StoredMessage message) {
		Map<String, Object> json = messageBase(message);
		json.put("external_id", message.chat.id);
		return finishMessage(json, message);
	}

	Map<String, Object> messageDetail(StoredMessage message) {
		Map<String, Object> json = messageBase(message);
		json.put("chat_id", message.chat.id);
		json.put("contact", message.chat.isGroup() ? null : contact(message.chat.id));
		return finishMessage(json, message);
	}

	private Map<String, Object> messageBase(StoredMessage message) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("message_id", message.id);
		json.put("direction", message.direction());
		return json;
	}

	private Map<String, Object> finishMessage(Map<String, Object> json, StoredMessage message) {
		json.put("internal_id", this.number);
		json.put("text", message.text);
		json.put("attachments", message.attachments.stream().map(Representations::attachment).toList());
		json.put("sender", (message.inbound && message.chat.isGroup()) ? message.sender : null);
		json.put("reactions", message.reactions.stream().map(Representations::reaction).toList());
		json.put("time_sent", message.timeSent);
		json.put("time_delivered", message.timeDelivered);
		json.put("status", message.inbound ? null : message.status);
		json.put("protocol", PROTOCOL);
		json.put("error", message.error);
		return json;
	}

	private static Map<String, Object> reaction(StoredReaction reaction) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("reaction", reaction.reaction);
		json.put("is_added", reaction.added);
		json.put("time_sent", reaction.timeSent);
		json.put("sender", reaction.sender);
		return json;
	}

	Map<String, Object> messageStatus(StoredMessage message) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("message_id", message.id);
		json.put("chat_id", message.chat.id);
		json.put("direction", message.direction());
		json.put("status", message.inbound ? null : message.status);
		json.put("protocol", PROTOCOL);
		json.put("time_sent", message.timeSent);
		json.put("time_delivered", message.timeDelivered);
		json.put("error", message.error);
		return json;
	}

	Map<String, Object> chat(StoredChat chat, boolean detail) {
		List<StoredMessage> messages = chat.messages;
		StoredMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", chat.id);
		json.put("type", chat.type());
		json.put("is_group", chat.isGroup());
		json.put("group_id", chat.isGroup() ? chat.id : null);
		json.put("group_name", chat.groupName);
		// a 1:1 chat has one member besides the account's own number
		json.put("member_count", chat.isGroup() ? chat.participants.size() : 1);
		json.put("contact", chat.isGroup() ? null : contact(chat.id));
		json.put("message_count", messages.size());
		json.put("inbound_count", messages.stream().filter((m) -> m.inbound).count());
		json.put("outbound_count", messages.stream().filter((m) -> !m.inbound).count());
		StoredBackground background = this.state.background(chat.id);
		json.put("background_url", (background != null) ? background.url() : null);
		json.put("background_id", (background != null) ? background.id() : null);
		if (detail && !messages.isEmpty()) {
			json.put("first_message_time", messages.get(0).timeSent);
		}
		if (last != null) {
			json.put("last_message_time", last.timeSent);
		}
		json.put("last_inbound_time", lastTime(messages, true));
		json.put("last_outbound_time", lastTime(messages, false));
		if (last != null) {
			json.put("last_message", lastMessage(last));
		}
		return json;
	}

	private static @Nullable Long lastTime(List<StoredMessage> messages, boolean inbound) {
		Long time = null;
		for (StoredMessage message : messages) {
			if (message.inbound == inbound) {
				time = message.timeSent;
			}
		}
		return time;
	}

	private static Map<String, Object> lastMessage(StoredMessage message) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("message_id", message.id);
		json.put("text", message.text);
		json.put("direction", message.direction());
		json.put("time_sent", message.timeSent);
		return json;
	}

	/**
	 * Returns the short form of a contact, with the name the simulator holds for it.
	 */
	Map<String, Object> contact(String identifier) {
		StoredContact stored = this.state.findContact(identifier);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("contact_id", Ids.contactId(identifier));
		json.put("identifier", identifier);
		json.put("name", (stored != null) ? stored.name : null);
		return json;
	}

	private static Map<String, Object> attachment(String url) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("url", url);
		json.put("name", null);
		return json;
	}

	/**
	 * Returns a webhook payload for an event about a message.
	 * @param event the event type, e.g. {@code message.sent}
	 * @param message the message
	 * @param at when the event happened, epoch milliseconds
	 * @return the payload
	 */
	Map<String, Object> webhookPayload(String event, StoredMessage message, long at) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("event", event);
		json.put("message_id", message.id);
		json.put("external_id", message.chat.id);
		json.put("status", event.substring(event.indexOf('.') + 1));
		json.put("protocol", PROTOCOL);
		json.put("timestamp", at);
		json.put("internal_id", this.number);
		json.put("is_group", message.chat.isGroup());
		if (message.chat.isGroup()) {
			json.put("group_id", message.chat.id);
			json.put("group_name", message.chat.groupName);
			List<Map<String, Object>> participants = new ArrayList<>();
			message.chat.participants.forEach((participant) -> participants.add(contact(participant)));
			json.put("participants", participants);
		}
		switch (event) {
			case "message.received" -> {
				json.put("text", message.text);
				json.put("attachments", message.attachments.stream().map(Representations::attachment).toList());
				json.put("sender", message.sender);
				json.put("received_at", message.timeSent);
			}
			case "message.sent" -> {
				if (message.text != null) {
					json.put("text", message.text);
				}
				if (!message.attachments.isEmpty()) {
					json.put("attachments", message.attachments.stream().map(Representations::attachment).toList());
				}
				json.put("sent_at", at);
			}
			case "message.delivered" -> json.put("delivered_at", at);
			case "message.read" -> json.put("read_at", at);
			case "message.failed" -> {
				json.put("error_code", MessageLifecycle.FAILURE_CODE);
				json.put("error_message", message.error);
			}
			default -> {
			}
		}
		return json;
	}

}
