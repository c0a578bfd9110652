package com.blooio.spring.client.internal;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.AccountOperations;
import com.blooio.spring.client.BlooioClientSettings;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.client.ChatOperations;
import com.blooio.spring.client.ContactOperations;
import com.blooio.spring.client.FaceTimeOperations;
import com.blooio.spring.client.GroupOperations;
import com.blooio.spring.client.LocationOperations;
import com.blooio.spring.client.MessageOperations;
import com.blooio.spring.client.PhoneNumberOperations;
import com.blooio.spring.client.V4Operations;
import com.blooio.spring.client.WebhookOperations;
import com.blooio.spring.client.internal.v4.TemplateV4;

/**
 * The operations of a {@link BlooioTemplate}, all over one {@link ApiClient}. The one
 * public type of this package, for {@link BlooioTemplate} alone: not API.
 * <p>
 * Created on the template's first use rather than with it: these classes, the client's
 * and the models they reference add up to a noticeable share of application start-up.
 *
 * @param messages message operations
 * @param chats chat operations
 * @param contacts contact operations
 * @param groups group operations
 * @param account account operations
 * @param location location operations
 * @param facetime FaceTime operations
 * @param phoneNumbers phone number operations
 * @param webhooks webhook subscription operations
 * @param v4 v4 operations
 * @since 0.1.0
 */
public record TemplateOperations(MessageOperations messages, ChatOperations chats, ContactOperations contacts,
		GroupOperations groups, AccountOperations account, LocationOperations location, FaceTimeOperations facetime,
		PhoneNumberOperations phoneNumbers, WebhookOperations webhooks, V4Operations v4) {

	/**
	 * Creates the operations over one client.
	 * @param webClient supplies the WebClient, asked on the first attempt
	 * @param settings the client settings
	 * @param clock the clock that reads {@code Retry-After} dates
	 * @return the operations
	 */
	public static TemplateOperations create(Supplier<WebClient> webClient, BlooioClientSettings settings, Clock clock) {
		return over(new ApiClient(webClient, settings, new ApiJson(), clock));
	}

	static TemplateOperations over(ApiClient api) {
		return new TemplateOperations(new TemplateMessages(api), new TemplateChats(api), new TemplateContacts(api),
				new TemplateGroups(api), new TemplateAccount(api), new TemplateLocation(api), new TemplateFaceTime(api),
				new TemplatePhoneNumbers(api), new TemplateWebhooks(api), new TemplateV4(api));
	}

}
