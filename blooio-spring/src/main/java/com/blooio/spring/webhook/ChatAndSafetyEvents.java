package com.blooio.spring.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.WebhookDelivery;
import com.blooio.spring.webhook.event.chat.BlooioContactMergedEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactSharedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupIconChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupNameChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollCreatedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollReceivedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollVotedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStartedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStoppedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyNumberBannedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyStateChangedEvent;
import com.blooio.spring.webhook.event.safety.SafetyAction;

import static com.blooio.spring.webhook.WebhookEventParser.text;

/**
 * Builds the typed events that are not about one message: typing, group, contact, poll
 * and safety events. Blooio has published few of their payloads, so each field is read
 * from the names Blooio uses elsewhere and is {@code null} or empty when absent; the
 * event JSON keeps everything.
 */
final class ChatAndSafetyEvents {

	private final Object source;

	ChatAndSafetyEvents(Object source) {
		this.source = source;
	}

	/**
	 * Creates the typed event, or returns {@code null} for a type without one.
	 * @param payload the event's fields (a v4 envelope's {@code data}, with the
	 * envelope's {@code chat_id} when {@code data} has none)
	 */
	@Nullable BlooioEvent create(String eventType, WebhookDelivery delivery, String json, JsonNode payload) {
		String chatId = firstText(payload, "chat_id", "group_id");
		String sender = firstText(payload, "sender", "handle", "from");
		return switch (eventType) {
			case BlooioTypingStartedEvent.TYPE ->
				new BlooioTypingStartedEvent(this.source, delivery, json, chatId, sender);
			case BlooioTypingStoppedEvent.TYPE ->
				new BlooioTypingStoppedEvent(this.source, delivery, json, chatId, sender);
			case BlooioGroupNameChangedEvent.TYPE -> new BlooioGroupNameChangedEvent(this.source, delivery, json,
					chatId, sender, firstText(payload, "group_name", "name"));
			case BlooioGroupIconChangedEvent.TYPE -> new BlooioGroupIconChangedEvent(this.source, delivery, json,
					chatId, sender, firstText(payload, "icon_url"));
			case BlooioContactSharedEvent.TYPE ->
				new BlooioContactSharedEvent(this.source, delivery, json, chatId, sender, text(payload, "contact_id"));
			case BlooioContactMergedEvent.TYPE ->
				new BlooioContactMergedEvent(this.source, delivery, json, chatId, sender, text(payload, "contact_id"));
			case BlooioPollCreatedEvent.TYPE -> new BlooioPollCreatedEvent(this.source, delivery, json, chatId, sender,
					pollId(payload), pollTitle(payload), pollOptions(payload));
			case BlooioPollReceivedEvent.TYPE -> new BlooioPollReceivedEvent(this.source, delivery, json, chatId,
					sender, pollId(payload), pollTitle(payload), pollOptions(payload));
			case BlooioPollVotedEvent.TYPE -> new BlooioPollVotedEvent(this.source, delivery, json, chatId,
					firstText(payload, "voter", "sender", "handle"), pollId(payload), pollTitle(payload),
					pollOptions(payload), firstText(payload, "voted_option", "option"), toggled(payload),
					strings(payload.get("active_votes")));
			case BlooioSafetyStateChangedEvent.TYPE -> new BlooioSafetyStateChangedEvent(this.source, delivery, json,
					text(payload, "phone_number"), text(payload, "tier"), text(payload, "previous_tier"),
					action(payload, "action"), action(payload, "previous_action"), reasons(payload.get("reasons")));
			case BlooioSafetyNumberBannedEvent.TYPE -> new BlooioSafetyNumberBannedEvent(this.source, delivery, json,
					text(payload, "channel_id"), text(payload, "phone_number"),
					lowerCase(text(payload, "allocation_type")), BlooioJson.epochInstant(payload.get("banned_at")));
			default -> null;
		};
	}

	private static @Nullable String pollId(JsonNode payload) {
		return firstText(payload, "poll_id", "id");
	}

	private static @Nullable String pollTitle(JsonNode payload) {
		String title = firstText(payload, "title", "question");
		return (title != null) ? title : text(payload.path("poll"), "title");
	}

	private static List<String> pollOptions(JsonNode payload) {
		JsonNode options = payload.get("options");
		return strings((options != null) ? options : payload.path("poll").get("options"));
	}

	private static @Nullable Boolean toggled(JsonNode payload) {
		String toggled = text(payload, "toggled");
		if ("on".equalsIgnoreCase(toggled)) {
			return true;
		}
		return "off".equalsIgnoreCase(toggled) ? false : null;
	}

	private static @Nullable SafetyAction action(JsonNode payload, String field) {
		String action = text(payload, field);
		return (action != null) ? SafetyAction.of(action) : null;
	}

	/**
	 * Reads reasons given as a list of strings, or as an object whose field names are the
	 * reasons.
	 */
	private static List<String> reasons(@Nullable JsonNode reasons) {
		if (reasons != null && reasons.isObject()) {
			return List.copyOf(reasons.propertyNames());
		}
		return strings(reasons);
	}

	/**
	 * Reads an array of strings, or of objects with a {@code text} (poll options).
	 */
	private static List<String> strings(@Nullable JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null && array.isArray()) {
			for (JsonNode item : array) {
				String value = item.isObject() ? text(item, "text") : (item.isValueNode() ? item.asString() : null);
				if (value != null && !value.isBlank()) {
					values.add(value);
				}
			}
		}
		return values;
	}

	private static @Nullable String firstText(JsonNode payload, String... fields) {
		for (String field : fields) {
			String value = text(payload, field);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String lowerCase(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

}
