package com.blooio.spring.client;

import java.time.Clock;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The reactive Blooio client: {@link BlooioOperations} over Spring's {@link WebClient}.
 * <p>
 * Thread-safe; create one per API key and share it. In a Spring Boot application the
 * starter creates it from {@code blooio.*} properties; elsewhere: <pre class="code">
 * BlooioTemplate blooio = new BlooioTemplate(WebClient.create(), BlooioClientSettings.of(apiKey));
 * </pre> The API key is added per request, so it never ends up in the given
 * {@code WebClient}'s defaults or in other clients built from the same builder.
 */
public class BlooioTemplate implements BlooioOperations {

	private final BlooioClientSettings settings;

	private final MessageOperations messages;

	private final ChatOperations chats;

	private final ContactOperations contacts;

	private final GroupOperations groups;

	private final AccountOperations account;

	private final LocationOperations location;

	private final FaceTimeOperations facetime;

	private final PhoneNumberOperations phoneNumbers;

	private final WebhookOperations webhooks;

	/**
	 * Creates a template.
	 * @param webClient the WebClient to send requests with (its customizations, filters
	 * and observation apply)
	 * @param settings the API key, base URL, timeouts and retry settings
	 */
	public BlooioTemplate(WebClient webClient, BlooioClientSettings settings) {
		this(webClient, settings, Clock.systemUTC());
	}

	BlooioTemplate(WebClient webClient, BlooioClientSettings settings, Clock clock) {
		Assert.notNull(webClient, "webClient must not be null");
		Assert.notNull(settings, "settings must not be null");
		this.settings = settings;
		ApiClient api = new ApiClient(webClient, settings, new BlooioJson(), clock);
		this.messages = new TemplateMessages(api);
		this.chats = new TemplateChats(api);
		this.contacts = new TemplateContacts(api);
		this.groups = new TemplateGroups(api);
		this.account = new TemplateAccount(api);
		this.location = new TemplateLocation(api);
		this.facetime = new TemplateFaceTime(api);
		this.phoneNumbers = new TemplatePhoneNumbers(api);
		this.webhooks = new TemplateWebhooks(api);
	}

	/**
	 * Returns the settings this template uses.
	 * @return the settings
	 */
	public BlooioClientSettings getSettings() {
		return this.settings;
	}

	@Override
	public MessageOperations messages() {
		return this.messages;
	}

	@Override
	public ChatOperations chats() {
		return this.chats;
	}

	@Override
	public ContactOperations contacts() {
		return this.contacts;
	}

	@Override
	public GroupOperations groups() {
		return this.groups;
	}

	@Override
	public AccountOperations account() {
		return this.account;
	}

	@Override
	public LocationOperations location() {
		return this.location;
	}

	@Override
	public FaceTimeOperations facetime() {
		return this.facetime;
	}

	@Override
	public PhoneNumberOperations phoneNumbers() {
		return this.phoneNumbers;
	}

	@Override
	public WebhookOperations webhooks() {
		return this.webhooks;
	}

	@Override
	public String toString() {
		return "BlooioTemplate{baseUrl=" + this.settings.baseUrl() + "}";
	}

}
