package com.example.receiving;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

@Component
public class MessageListeners {

	private static final Logger log = LoggerFactory.getLogger(MessageListeners.class);

	@EventListener
	public void delivered(BlooioMessageDeliveredEvent event) {
		log.info("{} delivered at {}", event.getMessageId(), event.getDeliveredAt());
	}

	@EventListener
	public void failed(BlooioMessageFailedEvent event) {
		log.warn("{} failed: {} {}", event.getMessageId(), event.getErrorCode(), event.getErrorMessage());
	}

	// SpEL conditions work as usual
	@EventListener(condition = "#event.group")
	public void groupMessage(BlooioMessageReceivedEvent event) {
		log.info("{} wrote in {}", event.getSender(), event.getMessage().groupName());
	}

	// A base class gets the whole family: received, sent, delivered, read, failed, ...
	@EventListener
	public void anyMessageEvent(BlooioMessageEvent event) {
		log.debug("{} for {}", event.getClass().getSimpleName(), event.getMessageId());
	}

}
