package com.blooio.spring.client;

import java.util.List;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.model.AccountNumber;
import com.blooio.spring.client.model.Me;

/**
 * Your account: the API key's context and its sender numbers.
 */
public interface AccountOperations {

	/**
	 * Fetches the authentication context of the API key; a cheap way to check the key.
	 * @return the context
	 */
	Mono<Me> me();

	/**
	 * Lists the sender numbers of the API key and whether each is active.
	 * @return the numbers
	 */
	Mono<List<AccountNumber>> numbers();

}
