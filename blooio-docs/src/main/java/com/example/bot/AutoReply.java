package com.example.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

@Component
public class AutoReply {

	private static final Logger log = LoggerFactory.getLogger(AutoReply.class);

	private final BlooioOperations blooio;

	public AutoReply(BlooioOperations blooio) {
		this.blooio = blooio;
	}

	@EventListener
	public void onMessage(BlooioMessageReceivedEvent event) {
		// the chat to answer in: the group for group messages, otherwise the sender
		String chatId = event.getChatId();
		// listeners never run on an event loop: blocking is fine
		this.blooio.send(chatId, "You said: " + event.getText()).block();
	}

	@EventListener
	public void onDelivered(BlooioMessageDeliveredEvent event) {
		log.info("{} delivered to {}", event.getMessageId(), event.getChatId());
	}

}
