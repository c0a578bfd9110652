package com.blooio.spring.test.simulator.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the route table of the simulated API: the 55 operations of Blooio's v2 document,
 * grouped as the document tags them.
 */
final class ApiRoutes {

	private ApiRoutes() {
	}

	/**
	 * Builds the routes.
	 * @param state the state
	 * @param representations the JSON shapes
	 * @param number the account's number
	 * @param apiKey the API key, which {@code /me} shows
	 * @param dispatcher the webhook deliveries, for replays
	 * @param onSent what to do with newly sent messages
	 * @param polls the polls, shared with the engine that casts simulated votes
	 * @param mediaUrl the URL the simulator serves an uploaded image at, by media id
	 * @param settings the behaviour switches in effect
	 * @return the routes
	 */
	static RouteTable create(SimulatorState state, Representations representations, String number, String apiKey,
			WebhookDispatcher dispatcher, Consumer<List<StoredMessage>> onSent, PollsApi polls,
			Function<String, String> mediaUrl, SettingsState settings) {
		ChatResolver chatResolver = new ChatResolver(state);
		AccountApi account = new AccountApi(state, apiKey, number);
		ContactCardApi contactCard = new ContactCardApi(state, number, chatResolver);
		ContactsApi contacts = new ContactsApi(state);
		GroupsApi groups = new GroupsApi(state);
		GroupIconsApi groupIcons = new GroupIconsApi(state, groups, mediaUrl);
		WebhooksApi webhooks = new WebhooksApi(state, settings);
		WebhookLogsApi webhookLogs = new WebhookLogsApi(state, webhooks, dispatcher);
		ChatsApi chats = new ChatsApi(state, representations);
		ChatBackgroundsApi backgrounds = new ChatBackgroundsApi(state, chatResolver, mediaUrl);
		MessagesApi messages = new MessagesApi(state, representations, chatResolver, onSent);
		ReactionsApi reactions = new ReactionsApi(state, messages);
		LocationApi location = new LocationApi(state);
		FaceTimeApi faceTime = new FaceTimeApi();
		PhoneNumbersApi phoneNumbers = new PhoneNumbersApi();
		return new RouteTable()
			// Account, Numbers, Contact Card
			.add("GET", "me", (call) -> account.me())
			.add("GET", "me/numbers", (call) -> account.numbers())
			.add("GET", "me/numbers/*/contact-card", (call) -> contactCard.get(id(call, 2, "number")))
			.add("PUT", "me/numbers/*/contact-card", (call) -> contactCard.update(call, id(call, 2, "number")))
			.add("POST", "me/numbers/*/call-forwarding",
					(call) -> account.requestCallForwarding(call, id(call, 2, "number")))
			// Contacts
			.add("GET", "contacts", contacts::list)
			.add("POST", "contacts", contacts::create)
			.add("GET", "contacts/*", (call) -> contacts.get(contactId(call)))
			.add("PATCH", "contacts/*", (call) -> contacts.update(call, contactId(call)))
			.add("DELETE", "contacts/*", (call) -> contacts.delete(contactId(call)))
			.add("GET", "contacts/*/capabilities", (call) -> account.capabilities(contactId(call)))
			.add("GET", "contacts/*/tags", (call) -> contacts.tags(contactId(call)))
			.add("POST", "contacts/*/tags", (call) -> contacts.addTags(call, contactId(call)))
			.add("DELETE", "contacts/*/tags/*", (call) -> contacts.removeTag(contactId(call), id(call, 3, "tag")))
			// Location, FaceTime
			.add("GET", "location/contacts", (call) -> location.list())
			.add("POST", "location/contacts/refresh", (call) -> location.refresh())
			.add("GET", "location/contacts/*", (call) -> location.get(id(call, 2, "handle")))
			.add("POST", "facetime/calls", faceTime::call)
			// Groups, Group Members
			.add("GET", "groups", groups::list)
			.add("POST", "groups", groups::create)
			.add("GET", "groups/*", (call) -> groups.get(groupId(call)))
			.add("PATCH", "groups/*", (call) -> groups.update(call, groupId(call)))
			.add("DELETE", "groups/*", (call) -> groups.delete(groupId(call)))
			.add("GET", "groups/*/members", (call) -> groups.members(call, groupId(call)))
			.add("POST", "groups/*/members", (call) -> groups.addMember(call, groupId(call)))
			.add("DELETE", "groups/*/members/*", (call) -> groups.removeMember(groupId(call), id(call, 3, "contactId")))
			.add("POST", "groups/*/icon", (call) -> groupIcons.set(call, groupId(call)))
			.add("DELETE", "groups/*/icon", (call) -> groupIcons.remove(groupId(call)))
			// Webhooks, Webhook Logs
			.add("GET", "webhooks", (call) -> webhooks.list())
			.add("POST", "webhooks", webhooks::create)
			.add("GET", "webhooks/*", (call) -> webhooks.get(webhookId(call)))
			.add("PATCH", "webhooks/*", (call) -> webhooks.update(call, webhookId(call)))
			.add("DELETE", "webhooks/*", (call) -> webhooks.delete(webhookId(call)))
			.add("POST", "webhooks/*/secret/rotate", (call) -> webhooks.rotateSecret(webhookId(call)))
			.add("GET", "webhooks/*/logs", (call) -> webhookLogs.logs(call, webhookId(call)))
			.add("POST", "webhooks/*/logs/*/replay",
					(call) -> webhookLogs.replay(webhookId(call), id(call, 3, "eventId")))
			// Chats, Messages, Reactions, Polls, Typing, Read Receipts, Contact Card
			.add("GET", "chats", chats::list)
			.add("GET", "chats/*", (call) -> chats.get(chatId(call)))
			.add("POST", "chats/*/messages", (call) -> messages.send(call, chatId(call)))
			.add("GET", "chats/*/messages", (call) -> messages.list(call, chatId(call)))
			.add("GET", "chats/*/messages/*", (call) -> messages.get(chatId(call), messageId(call)))
			.add("GET", "chats/*/messages/*/status", (call) -> messages.status(chatId(call), messageId(call)))
			.add("POST", "chats/*/messages/*/reactions", (call) -> reactions.react(call, chatId(call), messageId(call)))
			.add("POST", "chats/*/polls", (call) -> polls.send(call, chatId(call)))
			.add("GET", "chats/*/polls/*", (call) -> polls.results(chatId(call), id(call, 3, "pollId")))
			.add("POST", "chats/*/typing", (call) -> chats.typing(chatId(call), true))
			.add("DELETE", "chats/*/typing", (call) -> chats.typing(chatId(call), false))
			.add("POST", "chats/*/read", (call) -> chats.markRead(chatId(call)))
			.add("POST", "chats/*/contact-card", (call) -> contactCard.share(chatId(call)))
			.add("GET", "chats/*/background", (call) -> backgrounds.get(chatId(call)))
			.add("PUT", "chats/*/background", (call) -> backgrounds.set(call, chatId(call)))
			.add("DELETE", "chats/*/background", (call) -> backgrounds.remove(chatId(call)))
			// Phone Numbers
			.add("GET", "phone-numbers/lookup", phoneNumbers::lookupByQuery)
			.add("POST", "phone-numbers/lookup", phoneNumbers::lookupByBody)
			.add("POST", "phone-numbers/batch", phoneNumbers::batch);
	}

	private static String id(ApiCall call, int index, String name) {
		return call.identifier(index, name);
	}

	private static String contactId(ApiCall call) {
		return call.identifier(1, "contactId");
	}

	private static String groupId(ApiCall call) {
		return call.identifier(1, "groupId");
	}

	private static String webhookId(ApiCall call) {
		return call.identifier(1, "webhookId");
	}

	private static String chatId(ApiCall call) {
		return call.identifier(1, "chatId");
	}

	private static String messageId(ApiCall call) {
		return call.identifier(3, "messageId");
	}

}
