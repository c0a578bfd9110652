package com.blooio.spring.delivery;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.blooio.spring.client.BlooioOperations;

/**
 * The README's delivery-tracking example, compiled and run by
 * {@link BlooioDeliveryTrackerWebhookIntegrationTests}.
 */
@Service
public class VerificationCodeSender {

	private final BlooioOperations blooio;

	private final BlooioDeliveryTracker tracker;

	public VerificationCodeSender(BlooioOperations blooio, BlooioDeliveryTracker tracker) {
		this.blooio = blooio;
		this.tracker = tracker;
	}

	/**
	 * Sends a code and tells whether it reached the phone.
	 * @param phone the recipient, E.164
	 * @param code the code
	 * @return {@code delivered}, {@code failed (...)} or {@code unknown (...)}
	 */
	public Mono<String> sendCode(String phone, String code) {
		return this.blooio.send(phone, "Your code is " + code)
			.flatMap((sent) -> this.tracker.track(phone, sent).next())
			.map((outcome) -> outcome.isDelivered() ? "delivered"
					: "failed (" + outcome.errorCode() + ": " + outcome.errorMessage() + ")")
			.onErrorResume(DeliveryTimeoutException.class,
					(ex) -> Mono.just("unknown (last status: " + ex.getLastStatus() + ")"));
	}

}
