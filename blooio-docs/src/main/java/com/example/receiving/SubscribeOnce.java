package com.example.receiving;

import java.util.List;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.v4.SubscriptionCreated;

public class SubscribeOnce {

	/**
	 * Creates a v4 subscription and answers its signing secret, which Blooio shows once.
	 */
	public static String subscribe(BlooioOperations blooio) {
		SubscriptionCreated created = blooio.v4()
			.webhooks()
			.create("https://bot.example.com/blooio/webhook", List.of("message.*", "safety.*"))
			.block();
		return created.signingSecret(); // store it now, e.g. as blooio.webhook.secret
	}

}
