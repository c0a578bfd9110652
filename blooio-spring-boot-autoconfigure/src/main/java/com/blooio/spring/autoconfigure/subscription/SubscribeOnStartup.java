package com.blooio.spring.autoconfigure.subscription;

import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.webhook.subscription.BlooioWebhookSubscriber;

/**
 * Subscribes the public URL once the application is ready (and so able to answer the
 * deliveries that may follow at once), in the background.
 */
final class SubscribeOnStartup implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(SubscribeOnStartup.class);

	private final BlooioWebhookSubscriber subscriber;

	private final BlooioProperties.Webhook webhook;

	SubscribeOnStartup(BlooioWebhookSubscriber subscriber, BlooioProperties.Webhook webhook) {
		this.subscriber = subscriber;
		this.webhook = webhook;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		URI url = this.webhook.getPublicUrl();
		if (url == null) {
			return;
		}
		this.subscriber.ensureSubscribed(url.toString(), this.webhook.getEventTypes())
			.subscribe(
					(subscription) -> logger.info("Blooio delivers " + subscription.eventTypes() + " to " + url
							+ " (subscription " + subscription.id() + ")"),
					(failure) -> logger.warn("Could not make sure Blooio delivers to " + url + " ("
							+ failure.getClass().getName() + "); deliveries may not arrive until it is subscribed",
							failure));
	}

}
