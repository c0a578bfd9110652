package com.blooio.spring.client;

import reactor.core.publisher.Mono;

import com.blooio.spring.model.account.FaceTimeCall;

/**
 * FaceTime calls from your number. Blooio marks the endpoint "Coming Soon", so expect it
 * to fail until Blooio enables it.
 *
 * @since 0.1.0
 */
public interface FaceTimeOperations {

	/**
	 * Starts a FaceTime call and returns a join link.
	 * @param handle the phone number (E.164) or email to call
	 * @return Blooio's answer with the {@code facetime.apple.com} link
	 */
	Mono<FaceTimeCall> call(String handle);

}
