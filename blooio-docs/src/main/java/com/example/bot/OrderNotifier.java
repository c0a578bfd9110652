package com.example.bot;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.message.SendMessageResponse;

@Service
public class OrderNotifier {

	private final BlooioOperations blooio;

	public OrderNotifier(BlooioOperations blooio) {
		this.blooio = blooio;
	}

	public Mono<SendMessageResponse> shipped(String phone, String orderId) {
		// completes once Blooio has queued the message; response.messageId() names it
		return this.blooio.send(phone, "Your order " + orderId + " has shipped");
	}

}
