package com.blooio.spring.client.internal.v4;

import com.blooio.spring.client.internal.ApiClient;
import com.blooio.spring.client.V4EventOperations;
import com.blooio.spring.client.V4Operations;
import com.blooio.spring.client.V4WebhookOperations;

/**
 * {@link V4Operations} over one {@link ApiClient}. Public for {@code TemplateOperations}
 * alone: not API.
 *
 * @param webhooks the subscription operations
 * @param events the event feed operations
 * @since 0.1.0
 */
public record TemplateV4(V4WebhookOperations webhooks, V4EventOperations events) implements V4Operations {

	/**
	 * Creates the v4 operations over a client.
	 * @param api the client
	 */
	public TemplateV4(ApiClient api) {
		this(new TemplateV4Webhooks(api), new TemplateV4Events(api));
	}

}
