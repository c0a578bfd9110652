package com.blooio.spring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.exception.BlooioConflictException;
import com.blooio.spring.model.DeleteResult;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.contact.Contact;
import com.blooio.spring.model.contact.ContactCapabilities;
import com.blooio.spring.model.contact.ContactQuery;
import com.blooio.spring.model.contact.ContactTag;
import com.blooio.spring.model.contact.TagsAdded;

/**
 * Contacts: the people you message, their tags, and what they can be reached on.
 * <p>
 * A contact id is the phone number (E.164) or email address, or Blooio's internal contact
 * id; it is percent-encoded on the wire. Creating a contact and renaming one are not
 * retried once they may have reached Blooio; reads and deletes are.
 *
 * @since 0.1.0
 */
public interface ContactOperations {

	/**
	 * Lists one page of contacts ({@code listContacts}).
	 * @param query search and paging
	 * @return the page
	 */
	Mono<Page<Contact>> list(ContactQuery query);

	/**
	 * Lists all contacts matching the query, page by page, starting at the query's offset
	 * ({@code listContacts}). Pages are requested lazily as items are consumed.
	 * @param query search, sort and page size
	 * @return the contacts
	 */
	Flux<Contact> listAll(ContactQuery query);

	/**
	 * Creates a contact ({@code createContact}). Fails with
	 * {@link BlooioConflictException} when the contact already exists.
	 * @param identifier E.164 phone number or email address
	 * @param name display name, or {@code null}
	 * @return the created contact
	 * @throws IllegalArgumentException if the identifier is blank; nothing is sent
	 */
	Mono<Contact> create(String identifier, @Nullable String name);

	/**
	 * Reads a contact ({@code getContact}).
	 * @param contactId phone number, email address or internal contact id
	 * @return the contact
	 */
	Mono<Contact> get(String contactId);

	/**
	 * Sets or clears a contact's name ({@code updateContact}).
	 * @param contactId phone number, email address or internal contact id
	 * @param name the new name, or {@code null} to clear it
	 * @return the updated contact
	 */
	Mono<Contact> updateName(String contactId, @Nullable String name);

	/**
	 * Deletes a contact ({@code deleteContact}); Blooio deletes softly.
	 * @param contactId phone number, email address or internal contact id
	 * @return the result
	 */
	Mono<DeleteResult> delete(String contactId);

	/**
	 * Lists a contact's tags ({@code listContactTags}); not paginated.
	 * @param contactId phone number, email address or internal contact id
	 * @return the tags
	 */
	Mono<List<ContactTag>> tags(String contactId);

	/**
	 * Adds tags to a contact ({@code addContactTags}). Idempotent on Blooio's side.
	 * @param contactId phone number, email address or internal contact id
	 * @param tags the tags, at least one, none blank
	 * @return the tags added
	 * @throws IllegalArgumentException if the tags are empty or one is blank; nothing is
	 * sent
	 */
	Mono<TagsAdded> addTags(String contactId, List<String> tags);

	/**
	 * Removes a tag from a contact ({@code removeContactTag}).
	 * @param contactId phone number, email address or internal contact id
	 * @param tag the tag; percent-encoded in the path
	 * @return the result
	 */
	Mono<DeleteResult> removeTag(String contactId, String tag);

	/**
	 * Checks which services a phone number or email supports
	 * ({@code getContactCapabilities}). Blooio caches the answer.
	 * @param contact E.164 phone number or email address
	 * @return the capabilities
	 */
	Mono<ContactCapabilities> capabilities(String contact);

}
