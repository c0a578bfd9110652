package com.example.bot;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.delivery.BlooioDeliveryTracker;
import com.blooio.spring.delivery.DeliveryTimeoutException;

@Service
public class VerificationCodeSender {

	private final BlooioOperations blooio;

	private final BlooioDeliveryTracker tracker;

	public VerificationCodeSender(BlooioOperations blooio, BlooioDeliveryTracker tracker) {
		this.blooio = blooio;
		this.tracker = tracker;
	}

	public Mono<String> sendCode(String phone, String code) {
		return this.blooio.send(phone, "Your code is " + code)
			// completes when the message is delivered, read or failed
			.flatMap((sent) -> this.tracker.track(phone, sent).next())
			.map((outcome) -> outcome.isDelivered() ? "delivered"
					: "failed (" + outcome.errorCode() + ": " + outcome.errorMessage() + ")")
			.onErrorResume(DeliveryTimeoutException.class,
					(ex) -> Mono.just("unknown (last status: " + ex.getLastStatus() + ")"));
	}

}
