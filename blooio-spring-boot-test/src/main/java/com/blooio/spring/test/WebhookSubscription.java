package com.blooio.spring.test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook registered with the simulator.
 */
final class WebhookSubscription {

	final String id;

	final String url;

	final String type;

	final String secret;

	final long createdAt;

	final AtomicInteger failureCount = new AtomicInteger();

	final AtomicLong lastTriggered = new AtomicLong(-1);

	WebhookSubscription(String id, String url, String type, String secret, long createdAt) {
		this.id = id;
		this.url = url;
		this.type = type;
		this.secret = secret;
		this.createdAt = createdAt;
	}

}
