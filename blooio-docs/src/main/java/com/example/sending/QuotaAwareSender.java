package com.example.sending;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.client.exception.BlooioQuotaExceededException;

@Service
public class QuotaAwareSender {

	private final BlooioOperations blooio;

	public QuotaAwareSender(BlooioOperations blooio) {
		this.blooio = blooio;
	}

	/** Sends now, or answers false when today's quota is used up. */
	public Mono<Boolean> trySend(String chatId, String text) {
		return this.blooio.send(chatId, text)
			.thenReturn(true)
			.onErrorResume(BlooioQuotaExceededException.class, (ex) -> Mono.just(false));
	}

}
