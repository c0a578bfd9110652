package com.blooio.spring.autoconfigure.delivery;

import org.springframework.context.ApplicationListener;

import com.blooio.spring.delivery.BlooioDeliveryTracker;
import com.blooio.spring.webhook.event.BlooioMessageEvent;

/**
 * Hands every message event the webhook endpoint publishes to the delivery tracker.
 */
class DeliveryStatusListener implements ApplicationListener<BlooioMessageEvent> {

	private final BlooioDeliveryTracker tracker;

	DeliveryStatusListener(BlooioDeliveryTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void onApplicationEvent(BlooioMessageEvent event) {
		this.tracker.onMessageEvent(event);
	}

}
