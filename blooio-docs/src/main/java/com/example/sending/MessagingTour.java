package com.example.sending;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.chat.Chat;
import com.blooio.spring.model.chat.ChatQuery;
import com.blooio.spring.model.contact.ContactCapabilities;
import com.blooio.spring.model.message.Direction;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.MessageEffect;
import com.blooio.spring.model.message.MessageFormat;
import com.blooio.spring.model.message.MessageQuery;
import com.blooio.spring.model.message.ReactionRequest;
import com.blooio.spring.model.message.ReplyTo;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.model.message.Tapback;

@Service
public class MessagingTour {

	private final BlooioOperations blooio;

	public MessagingTour(BlooioOperations blooio) {
		this.blooio = blooio;
	}

	// Everything a send can carry; build() rejects combinations Blooio would refuse
	public Mono<SendMessageResponse> receipt(String phone, String inboundMessageId) {
		SendMessageRequest request = SendMessageRequest.builder()
			.text("Here is your receipt")
			.attachment("https://example.com/receipt.pdf", "receipt.pdf")
			.effect(MessageEffect.CONFETTI)
			.replyTo(ReplyTo.message(inboundMessageId))
			.idempotencyKey("order-1234-receipt") // optional: else a UUID is generated
			.build();
		return this.blooio.messages().send(phone, request);
	}

	// Several texts: one message each, their ids in messageIds()
	public Mono<SendMessageResponse> twoTexts(String phone) {
		return this.blooio.messages().send(phone, SendMessageRequest.builder().texts("One", "Two").build());
	}

	// iMessage rich text: **bold**, *italic*, ++underline++, ~~strike~~. Blooio refuses
	// markdown off iMessage and next to attachments: BlooioInvalidContentException
	public Mono<SendMessageResponse> richText(String phone) {
		return this.blooio.messages()
			.send(phone, SendMessageRequest.builder().text("**Shipped** today").format(MessageFormat.MARKDOWN).build());
	}

	// Read and react (a message id of "-1" is the chat's latest message)
	public Mono<Void> readAndReact(String chatId, String messageId) {
		return this.blooio.messages()
			.get(chatId, messageId)
			.then(this.blooio.messages().status(chatId, messageId))
			.then(this.blooio.messages().react(chatId, messageId, ReactionRequest.add(Tapback.LOVE)))
			.then(this.blooio.messages().react(chatId, "-1", ReactionRequest.add("👍").inDirection(Direction.INBOUND)))
			.then();
	}

	// Every item lazily: the next page is fetched only when more is asked for
	public Flux<Message> lastDayInbound(String chatId) {
		Instant yesterday = Instant.now().minus(Duration.ofDays(1));
		return this.blooio.messages()
			.listAll(chatId, MessageQuery.defaults().direction(Direction.INBOUND).since(yesterday))
			.take(500);
	}

	public Flux<Chat> chatsWith(String name) {
		return this.blooio.chats().listAll(ChatQuery.defaults().search(name));
	}

	public Mono<Boolean> canUseImessage(String phone) {
		return this.blooio.contacts().capabilities(phone).map(ContactCapabilities::supportsImessage);
	}

}
