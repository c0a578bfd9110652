package com.blooio.sample;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.client.model.SendMessageResponse;

/**
 * Sends a message to anyone: {@code POST /messages {"to": "+15551234567", "text": "hi"}}.
 */
@RestController
class SendController {

	private final ObjectProvider<BlooioOperations> blooio;

	SendController(ObjectProvider<BlooioOperations> blooio) {
		this.blooio = blooio;
	}

	@PostMapping("/messages")
	Mono<SendMessageResponse> send(@RequestBody SendCommand command) {
		BlooioOperations client = this.blooio.getIfAvailable();
		if (client == null) {
			return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"Set blooio.api-key (or BLOOIO_API_KEY) to send messages"));
		}
		return client.send(command.to(), command.text());
	}

	record SendCommand(String to, String text) {
	}

}
