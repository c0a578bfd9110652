package com.blooio.spring.client;

import java.util.List;

import reactor.core.publisher.Mono;

import com.blooio.spring.model.account.AccountNumber;
import com.blooio.spring.model.account.CallForwardingTicket;
import com.blooio.spring.model.account.Me;
import com.blooio.spring.model.contact.ContactCard;
import com.blooio.spring.model.contact.ContactCardUpdate;
import com.blooio.spring.model.contact.ContactCardUpdated;

/**
 * Your account: the API key's context, its sender numbers, their contact cards and call
 * forwarding.
 *
 * @since 0.1.0
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

	/**
	 * Fetches the contact card (Name &amp; Photo) of one of your numbers. Blooio marks
	 * this endpoint "Coming Soon"; a number the key may not use fails with 403.
	 * @param number the sender number, E.164
	 * @return the contact card
	 */
	Mono<ContactCard> contactCard(String number);

	/**
	 * Changes the contact card of one of your numbers; fields left {@code null} in the
	 * update are not sent and stay as they are.
	 * @param number the sender number, E.164
	 * @param update what to change
	 * @return Blooio's answer
	 */
	Mono<ContactCardUpdated> updateContactCard(String number, ContactCardUpdate update);

	/**
	 * Asks Blooio to forward calls to one of your numbers; Blooio opens a support ticket
	 * rather than changing anything at once. Known only from a third-party SDK:
	 * unverified against Blooio's own specification.
	 * @param number the sender number, E.164
	 * @param forwardTo the number to forward calls to
	 * @return the support ticket
	 */
	Mono<CallForwardingTicket> requestCallForwarding(String number, String forwardTo);

}
