package com.blooio.spring.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.ContactOperations;
import com.blooio.spring.model.DeleteResult;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.contact.Contact;
import com.blooio.spring.model.contact.ContactCapabilities;
import com.blooio.spring.model.contact.ContactQuery;
import com.blooio.spring.model.contact.ContactTag;
import com.blooio.spring.model.contact.TagsAdded;

import org.springframework.util.Assert;

/**
 * {@link ContactOperations} over {@link ApiClient}.
 */
final class TemplateContacts implements ContactOperations {

	private final ApiClient api;

	private final SearchableListing<Contact> listing;

	TemplateContacts(ApiClient api) {
		this.api = api;
		this.listing = new SearchableListing<>(api, "listContacts", "/contacts", "contacts", Contact.class);
	}

	@Override
	public Mono<Page<Contact>> list(ContactQuery query) {
		Assert.notNull(query, "query must not be null");
		return this.listing.page(search(query));
	}

	@Override
	public Flux<Contact> listAll(ContactQuery query) {
		Assert.notNull(query, "query must not be null");
		return this.listing.all(search(query));
	}

	private static SearchableListing.Search search(ContactQuery query) {
		return new SearchableListing.Search(query.limit(), query.offset(), query.search(),
				(query.sort() != null) ? query.sort().wireValue() : null);
	}

	@Override
	public Mono<Contact> create(String identifier, @Nullable String name) {
		Assert.isTrue(identifier != null && !identifier.isBlank(), "identifier must not be empty");
		return Mono.defer(() -> {
			Map<String, String> body = new LinkedHashMap<>();
			body.put("identifier", identifier.trim());
			if (name != null) {
				body.put("name", name);
			}
			ApiRequest call = ApiRequest.post("createContact", "/contacts")
				.body(this.api.json().write(body))
				.build(this.api.settings().baseUrl());
			return this.api.retrieve(call, Contact.class);
		});
	}

	@Override
	public Mono<Contact> get(String contactId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("getContact", "/contacts/{contactId}", contactId).build(this.api.settings().baseUrl()),
				Contact.class));
	}

	@Override
	public Mono<Contact> updateName(String contactId, @Nullable String name) {
		return Mono.defer(() -> {
			ApiRequest call = ApiRequest.patch("updateContact", "/contacts/{contactId}", contactId)
				.body(nameBody(name))
				.build(this.api.settings().baseUrl());
			return this.api.retrieve(call, Contact.class);
		});
	}

	/**
	 * Writes {@code {"name": ...}} by hand: the shared mapper omits nulls, but a
	 * {@code null} name must reach Blooio to clear the name.
	 */
	private byte[] nameBody(@Nullable String name) {
		String value = (name != null) ? new String(this.api.json().write(name), StandardCharsets.UTF_8) : "null";
		return ("{\"name\":" + value + "}").getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Mono<DeleteResult> delete(String contactId) {
		return Mono.defer(() -> this.api.retrieve(ApiRequest.delete("deleteContact", "/contacts/{contactId}", contactId)
			.build(this.api.settings().baseUrl()), DeleteResult.class));
	}

	@Override
	public Mono<List<ContactTag>> tags(String contactId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("listContactTags", "/contacts/{contactId}/tags", contactId)
					.build(this.api.settings().baseUrl()),
				(response) -> this.api.json().readList(response.body(), "tags", ContactTag.class)));
	}

	@Override
	public Mono<TagsAdded> addTags(String contactId, List<String> tags) {
		Assert.notEmpty(tags, "tags must not be empty");
		for (String tag : tags) {
			Assert.isTrue(tag != null && !tag.isBlank(), "tags must not contain an empty tag");
		}
		List<String> trimmed = tags.stream().map(String::trim).toList();
		return Mono.defer(() -> {
			ApiRequest call = ApiRequest.post("addContactTags", "/contacts/{contactId}/tags", contactId)
				.body(this.api.json().write(Map.of("tags", trimmed)))
				.build(this.api.settings().baseUrl());
			return this.api.retrieve(call, TagsAdded.class);
		});
	}

	@Override
	public Mono<DeleteResult> removeTag(String contactId, String tag) {
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.delete("removeContactTag", "/contacts/{contactId}/tags/{tag}", contactId, tag)
				.build(this.api.settings().baseUrl()), DeleteResult.class));
	}

	@Override
	public Mono<ContactCapabilities> capabilities(String contact) {
		return Mono.defer(() -> this.api
			.retrieve(ApiRequest.get("getContactCapabilities", "/contacts/{contactId}/capabilities", contact)
				.build(this.api.settings().baseUrl()), ContactCapabilities.class));
	}

}
