package com.blooio.spring.model;

import java.util.List;

import com.blooio.spring.json.BlooioJson;

/**
 * One page of a list endpoint.
 *
 * @param <T> the item type
 * @param items the items of this page, never {@code null}
 * @param offset offset of the first item, as asked for (what Blooio echoed is in
 * {@code pagination})
 * @param limit page size asked for
 * @param pagination paging information as Blooio sent it
 * @since 0.1.0
 */
public record Page<T>(List<T> items, int offset, int limit, Pagination pagination) {

	/**
	 * Normalises the items.
	 * @param items the items
	 * @param offset offset of the first item
	 * @param limit page size asked for
	 * @param pagination paging information
	 */
	public Page {
		items = BlooioJson.listOf(items);
	}

	/**
	 * Returns whether another page follows. Decided by {@code has_more} when Blooio sends
	 * it, else by {@code total}, else by whether this page came back full.
	 * @return whether to ask for the next page
	 */
	public boolean hasNext() {
		if (this.items.isEmpty()) {
			return false;
		}
		if (this.pagination.hasMore() != null) {
			return this.pagination.hasMore();
		}
		if (this.pagination.total() != null) {
			return nextOffset() < this.pagination.total();
		}
		return this.items.size() >= this.limit;
	}

	/**
	 * Returns the offset of the next page.
	 * @return the offset after this page's last item
	 */
	public int nextOffset() {
		return this.offset + this.items.size();
	}

}
