package com.blooio.spring.client;

/**
 * The operations of a {@link BlooioTemplate}, all over one {@link ApiClient}.
 * <p>
 * Created on the template's first use rather than with it: these classes, the client's
 * and the models they reference add up to a noticeable share of application start-up.
 */
record TemplateOperations(MessageOperations messages, ChatOperations chats, ContactOperations contacts,
		GroupOperations groups, AccountOperations account, LocationOperations location, FaceTimeOperations facetime,
		PhoneNumberOperations phoneNumbers, WebhookOperations webhooks) {

	static TemplateOperations over(ApiClient api) {
		return new TemplateOperations(new TemplateMessages(api), new TemplateChats(api), new TemplateContacts(api),
				new TemplateGroups(api), new TemplateAccount(api), new TemplateLocation(api), new TemplateFaceTime(api),
				new TemplatePhoneNumbers(api), new TemplateWebhooks(api));
	}

}
