package com.blooio.spring.model.message;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import com.blooio.spring.model.SortOrder;

/**
 * Filters and paging for listing a chat's messages. Immutable; each method returns a
 * copy: <pre class="code">
 * MessageQuery.defaults().direction(Direction.INBOUND).since(yesterday).limit(100)
 * </pre>
 *
 * @param limit page size, 1 to 200, or {@code null} for Blooio's default (50)
 * @param offset offset of the first item, or {@code null} for 0
 * @param sort sort order by time, or {@code null}
 * @param direction only inbound or outbound messages, or {@code null} for both
 * @param since only messages at or after this time, or {@code null}
 * @param until only messages at or before this time, or {@code null}
 * @since 0.1.0
 */
public record MessageQuery(@Nullable Integer limit, @Nullable Integer offset, @Nullable SortOrder sort,
		@Nullable Direction direction, @Nullable Instant since, @Nullable Instant until) {

	/**
	 * Validates the query.
	 * @param limit page size
	 * @param offset offset
	 * @param sort sort order
	 * @param direction direction filter
	 * @param since lower time bound
	 * @param until upper time bound
	 */
	public MessageQuery {
		Assert.isTrue(limit == null || (limit >= 1 && limit <= 200), "limit must be between 1 and 200");
		Assert.isTrue(offset == null || offset >= 0, "offset must not be negative");
		Assert.isTrue(since == null || until == null || !since.isAfter(until), "since must not be after until");
	}

	/**
	 * Returns a query with no filters and Blooio's default paging.
	 * @return the query
	 */
	public static MessageQuery defaults() {
		return new MessageQuery(null, null, null, null, null, null);
	}

	/**
	 * Returns a copy with the given page size.
	 * @param limit 1 to 200
	 * @return the query
	 */
	public MessageQuery limit(int limit) {
		return new MessageQuery(limit, this.offset, this.sort, this.direction, this.since, this.until);
	}

	/**
	 * Returns a copy starting at the given offset.
	 * @param offset offset of the first item
	 * @return the query
	 */
	public MessageQuery offset(int offset) {
		return new MessageQuery(this.limit, offset, this.sort, this.direction, this.since, this.until);
	}

	/**
	 * Returns a copy with the given sort order.
	 * @param sort the sort order
	 * @return the query
	 */
	public MessageQuery sort(SortOrder sort) {
		return new MessageQuery(this.limit, this.offset, sort, this.direction, this.since, this.until);
	}

	/**
	 * Returns a copy that lists only messages in the given direction.
	 * @param direction inbound or outbound
	 * @return the query
	 */
	public MessageQuery direction(Direction direction) {
		return new MessageQuery(this.limit, this.offset, this.sort, direction, this.since, this.until);
	}

	/**
	 * Returns a copy that lists only messages at or after the given time.
	 * @param since the lower bound
	 * @return the query
	 */
	public MessageQuery since(Instant since) {
		return new MessageQuery(this.limit, this.offset, this.sort, this.direction, since, this.until);
	}

	/**
	 * Returns a copy that lists only messages at or before the given time.
	 * @param until the upper bound
	 * @return the query
	 */
	public MessageQuery until(Instant until) {
		return new MessageQuery(this.limit, this.offset, this.sort, this.direction, this.since, until);
	}

}
