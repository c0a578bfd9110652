package com.blooio.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

/**
 * Answers every inbound message with exactly one reply into the same chat (the group for
 * group messages, otherwise the sender).
 */
@Component
class AutoReplyBot {

	private static final Log logger = LogFactory.getLog(AutoReplyBot.class);

	private final BlooioOperations blooio;

	AutoReplyBot(BlooioOperations blooio) {
		this.blooio = blooio;
	}

	@EventListener
	void onMessage(BlooioMessageReceivedEvent event) {
		String chatId = event.getChatId();
		if (chatId == null) {
			return;
		}
		logger.info("Received \"" + event.getText() + "\" from " + event.getSender() + " in " + chatId);
		SendMessageRequest reply = SendMessageRequest.builder()
			.text("You said: " + ((event.getText() != null) ? event.getText() : "(an attachment)"))
			// one key per inbound message: if Blooio redelivers it, the reply is not sent
			// twice
			.idempotencyKey("reply-" + event.getMessageId())
			.build();
		// Listeners run before Blooio gets its answer; blocking is fine (never the event
		// loop)
		this.blooio.send(chatId, reply).block();
	}

}
