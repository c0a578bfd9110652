package com.blooio.spring.model.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import com.blooio.spring.model.SortOrder;

/**
 * Filters and paging for listing a webhook's delivery logs. Immutable; each method
 * returns a copy: <pre class="code">
 * WebhookLogQuery.defaults().minStatus(500).sort(SortOrder.DESC).limit(100)
 * </pre>
 *
 * @param limit page size, 1 to 200, or {@code null} for Blooio's default (50)
 * @param offset offset of the first item, or {@code null} for 0
 * @param sort sort order by attempted time, or {@code null}
 * @param status only deliveries answered with this HTTP status, or {@code null}
 * @param minStatus only deliveries answered with at least this HTTP status, or
 * {@code null}
 * @param maxStatus only deliveries answered with at most this HTTP status, or
 * {@code null}
 * @since 0.1.0
 */
public record WebhookLogQuery(@Nullable Integer limit, @Nullable Integer offset, @Nullable SortOrder sort,
		@Nullable Integer status, @Nullable Integer minStatus, @Nullable Integer maxStatus) {

	/**
	 * Validates the query.
	 * @param limit page size
	 * @param offset offset
	 * @param sort sort order
	 * @param status status filter
	 * @param minStatus lower status bound
	 * @param maxStatus upper status bound
	 */
	public WebhookLogQuery {
		Assert.isTrue(limit == null || (limit >= 1 && limit <= 200), "limit must be between 1 and 200");
		Assert.isTrue(offset == null || offset >= 0, "offset must not be negative");
		Assert.isTrue(minStatus == null || maxStatus == null || minStatus <= maxStatus,
				"minStatus must not be greater than maxStatus");
	}

	/**
	 * Returns a query with no filters and Blooio's default paging.
	 * @return the query
	 */
	public static WebhookLogQuery defaults() {
		return new WebhookLogQuery(null, null, null, null, null, null);
	}

	/**
	 * Returns a copy with the given page size.
	 * @param limit 1 to 200
	 * @return the query
	 */
	public WebhookLogQuery limit(int limit) {
		return new WebhookLogQuery(limit, this.offset, this.sort, this.status, this.minStatus, this.maxStatus);
	}

	/**
	 * Returns a copy starting at the given offset.
	 * @param offset offset of the first item
	 * @return the query
	 */
	public WebhookLogQuery offset(int offset) {
		return new WebhookLogQuery(this.limit, offset, this.sort, this.status, this.minStatus, this.maxStatus);
	}

	/**
	 * Returns a copy with the given sort order.
	 * @param sort the sort order
	 * @return the query
	 */
	public WebhookLogQuery sort(SortOrder sort) {
		return new WebhookLogQuery(this.limit, this.offset, sort, this.status, this.minStatus, this.maxStatus);
	}

	/**
	 * Returns a copy that lists only deliveries answered with the given HTTP status.
	 * @param status the status
	 * @return the query
	 */
	public WebhookLogQuery status(int status) {
		return new WebhookLogQuery(this.limit, this.offset, this.sort, status, this.minStatus, this.maxStatus);
	}

	/**
	 * Returns a copy that lists only deliveries answered with at least the given status.
	 * @param minStatus the lower bound
	 * @return the query
	 */
	public WebhookLogQuery minStatus(int minStatus) {
		return new WebhookLogQuery(this.limit, this.offset, this.sort, this.status, minStatus, this.maxStatus);
	}

	/**
	 * Returns a copy that lists only deliveries answered with at most the given status.
	 * @param maxStatus the upper bound
	 * @return the query
	 */
	public WebhookLogQuery maxStatus(int maxStatus) {
		return new WebhookLogQuery(this.limit, this.offset, this.sort, this.status, this.minStatus, maxStatus);
	}

}
