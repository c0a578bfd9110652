package com.blooio.spring.model;

import org.jspecify.annotations.Nullable;

/**
 * Paging information of a list response.
 *
 * @param limit page size used by the server, or {@code null}
 * @param offset offset of the first item, or {@code null}
 * @param total total number of items, or {@code null}
 * @param returned number of items in this page, or {@code null}
 * @param hasMore whether more items follow, or {@code null}
 * @since 0.1.0
 */
public record Pagination(@Nullable Integer limit, @Nullable Integer offset, @Nullable Integer total,
		@Nullable Integer returned, @Nullable Boolean hasMore) {

	/** Pagination with nothing known. */
	public static final Pagination UNKNOWN = new Pagination(null, null, null, null, null);

}
