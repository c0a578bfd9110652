package com.blooio.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;

/**
 * Logs what happens to the messages the app sends.
 */
@Component
class DeliveryStatusLogger {

	private static final Log logger = LogFactory.getLog(DeliveryStatusLogger.class);

	@EventListener
	void onSent(BlooioMessageSentEvent event) {
		logger.info("Message " + event.getMessageId() + " sent to " + event.getChatId());
	}

	@EventListener
	void onDelivered(BlooioMessageDeliveredEvent event) {
		logger.info("Message " + event.getMessageId() + " delivered to " + event.getChatId());
	}

	@EventListener
	void onRead(BlooioMessageReadEvent event) {
		logger.info("Message " + event.getMessageId() + " read by " + event.getChatId());
	}

	@EventListener
	void onFailed(BlooioMessageFailedEvent event) {
		logger.warn("Message " + event.getMessageId() + " to " + event.getChatId() + " failed: " + event.getErrorCode()
				+ " " + event.getErrorMessage());
	}

}
