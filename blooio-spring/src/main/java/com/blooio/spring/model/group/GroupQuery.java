package com.blooio.spring.model.group;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Search and paging for listing groups. Immutable; each method returns a copy.
 *
 * @param limit page size, 1 to 200, or {@code null} for Blooio's default (50)
 * @param offset offset of the first item, or {@code null} for 0
 * @param search text matched against the group name, or {@code null}
 * @param sort sort order, or {@code null} for most recent first
 * @since 0.1.0
 */
public record GroupQuery(@Nullable Integer limit, @Nullable Integer offset, @Nullable String search,
		@Nullable GroupSort sort) {

	/**
	 * Validates the query.
	 * @param limit page size
	 * @param offset offset
	 * @param search search text
	 * @param sort sort order
	 */
	public GroupQuery {
		Assert.isTrue(limit == null || (limit >= 1 && limit <= 200), "limit must be between 1 and 200");
		Assert.isTrue(offset == null || offset >= 0, "offset must not be negative");
	}

	/**
	 * Returns a query with no search and Blooio's default paging.
	 * @return the query
	 */
	public static GroupQuery defaults() {
		return new GroupQuery(null, null, null, null);
	}

	/**
	 * Returns a copy with the given page size.
	 * @param limit 1 to 200
	 * @return the query
	 */
	public GroupQuery limit(int limit) {
		return new GroupQuery(limit, this.offset, this.search, this.sort);
	}

	/**
	 * Returns a copy starting at the given offset.
	 * @param offset offset of the first item
	 * @return the query
	 */
	public GroupQuery offset(int offset) {
		return new GroupQuery(this.limit, offset, this.search, this.sort);
	}

	/**
	 * Returns a copy that matches the given text against the group name.
	 * @param search the text
	 * @return the query
	 */
	public GroupQuery search(String search) {
		return new GroupQuery(this.limit, this.offset, search, this.sort);
	}

	/**
	 * Returns a copy with the given sort order.
	 * @param sort the sort order
	 * @return the query
	 */
	public GroupQuery sort(GroupSort sort) {
		return new GroupQuery(this.limit, this.offset, this.search, sort);
	}

}
