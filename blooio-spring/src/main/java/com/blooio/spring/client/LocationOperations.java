package com.blooio.spring.client;

import java.util.List;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.exception.BlooioNoActiveNumberException;
import com.blooio.spring.model.contact.ContactLocation;
import com.blooio.spring.model.contact.LocationRefresh;

/**
 * Locations that contacts share with your number (Find My). When the API key has no
 * active number, Blooio answers with an empty 404, which arrives as
 * {@link BlooioNoActiveNumberException}.
 *
 * @since 0.1.0
 */
public interface LocationOperations {

	/**
	 * Lists the locations of every contact who shares theirs with your number.
	 * @return the locations, never {@code null}
	 */
	Mono<List<ContactLocation>> contacts();

	/**
	 * Fetches the location of one contact. An empty 404 arrives as
	 * {@link BlooioNoActiveNumberException}; Blooio uses the same answer when the handle
	 * does not share its location with your number.
	 * @param handle the contact's phone number (E.164) or email
	 * @return the location
	 */
	Mono<ContactLocation> contact(String handle);

	/**
	 * Asks Blooio to refresh the locations. Fresh positions can lag 15 to 20 seconds, so
	 * call {@link #contacts()} again later.
	 * @return Blooio's answer with the locations known now
	 */
	Mono<LocationRefresh> refresh();

}
