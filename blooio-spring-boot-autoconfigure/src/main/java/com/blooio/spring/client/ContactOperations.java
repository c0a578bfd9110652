package com.blooio.spring.client;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.model.ContactCapabilities;

/**
 * Contacts: what they can be reached on.
 */
public interface ContactOperations {

	/**
	 * Checks which services a phone number or email supports. Blooio caches the answer.
	 * @param contact E.164 phone number or email address
	 * @return the capabilities
	 */
	Mono<ContactCapabilities> capabilities(String contact);

}
