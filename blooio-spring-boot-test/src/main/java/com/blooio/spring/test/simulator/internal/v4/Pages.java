package com.blooio.spring.test.simulator.internal.v4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * Cursor paging of the v4 lists, {@code {"data": [...], "has_more", "next_cursor"}}.
 * Every list is newest first, as Blooio's document orders its other feeds (the contact
 * timeline "newest-first by occurred_at", messages {@code desc} by default); ties keep
 * the order in which the simulator recorded the items. The opaque cursor names the last
 * item returned, so items recorded while a client pages do not shift later pages.
 */
final class Pages {

	private static final String PREFIX = "cur_";

	private Pages() {
	}

	/**
	 * Returns one page.
	 * @param <T> the item type
	 * @param newestFirst every item, newest first
	 * @param sequence an item's recording sequence, larger for newer items
	 * @param json an item's JSON
	 * @param request the request, for {@code limit} and {@code cursor}
	 * @return the page
	 */
	static <T> Map<String, Object> page(List<T> newestFirst, ToLongFunction<T> sequence,
			Function<T, Map<String, Object>> json, V4Request request) {
		int limit = request.limit();
		Long after = decode(request.queryText("cursor"));
		List<T> page = new ArrayList<>();
		boolean more = false;
		for (T item : newestFirst) {
			if (after != null && sequence.applyAsLong(item) >= after) {
				continue;
			}
			if (page.size() == limit) {
				more = true;
				break;
			}
			page.add(item);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", page.stream().map(json).toList());
		body.put("has_more", more);
		body.put("next_cursor", more ? encode(sequence.applyAsLong(page.get(page.size() - 1))) : null);
		return body;
	}

	private static String encode(long sequence) {
		return PREFIX + Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
	}

	private static @Nullable Long decode(@Nullable String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			if (cursor.startsWith(PREFIX)) {
				return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor.substring(PREFIX.length())),
						StandardCharsets.US_ASCII));
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below (NumberFormatException is one)
		}
		throw V4Error.badRequest("invalid_cursor", "cursor is not a cursor this API returned.");
	}

}
