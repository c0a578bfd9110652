package com.blooio.sample;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.SortOrder;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.MessageQuery;
import com.blooio.spring.model.message.SendMessageResponse;

/**
 * Sends a message to anyone ({@code POST /messages {"to": "+15551234567", "text": "hi"}})
 * and shows a conversation ({@code GET /conversations/+15551234567}).
 */
@RestController
class SendController {

	private final BlooioOperations blooio;

	SendController(BlooioOperations blooio) {
		this.blooio = blooio;
	}

	@PostMapping("/messages")
	Mono<SendMessageResponse> send(@RequestBody SendCommand command) {
		return this.blooio.send(command.to(), command.text());
	}

	@GetMapping("/conversations/{chatId}")
	Mono<Page<Message>> conversation(@PathVariable String chatId) {
		return this.blooio.messages().list(chatId, MessageQuery.defaults().sort(SortOrder.ASC));
	}

	record SendCommand(String to, String text) {
	}

}
