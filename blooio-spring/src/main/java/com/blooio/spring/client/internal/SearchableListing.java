package com.blooio.spring.client.internal;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.model.Page;

/**
 * A list endpoint searched with {@code limit}, {@code offset}, {@code q} and {@code sort}
 * (chats, contacts, groups): one page at a time, or every item lazily.
 *
 * @param <T> the item type
 */
final class SearchableListing<T> {

	private final ApiClient api;

	private final String operation;

	private final String path;

	private final String itemsField;

	private final Class<T> itemType;

	SearchableListing(ApiClient api, String operation, String path, String itemsField, Class<T> itemType) {
		this.api = api;
		this.operation = operation;
		this.path = path;
		this.itemsField = itemsField;
		this.itemType = itemType;
	}

	Mono<Page<T>> page(Search search) {
		return Mono.defer(() -> fetch(search, search.startOffset()));
	}

	Flux<T> all(Search search) {
		return Paginator.items(search.startOffset(), (offset) -> fetch(search, offset));
	}

	private Mono<Page<T>> fetch(Search search, int offset) {
		int limit = (search.limit() != null) ? search.limit() : Paginator.DEFAULT_PAGE_SIZE;
		ApiRequest call = ApiRequest.get(this.operation, this.path)
			.query("limit", search.limit())
			.query("offset", (offset != 0 || search.offset() != null) ? offset : null)
			.query("q", search.text())
			.query("sort", search.sort())
			.build(this.api.settings().baseUrl());
		return this.api.retrieve(call,
				(response) -> this.api.json().readPage(response.body(), this.itemsField, this.itemType, offset, limit));
	}

	/**
	 * The query of one search, as sent on the wire.
	 */
	record Search(@Nullable Integer limit, @Nullable Integer offset, @Nullable String text, @Nullable String sort) {

		int startOffset() {
			return (this.offset != null) ? this.offset : 0;
		}

	}

}
