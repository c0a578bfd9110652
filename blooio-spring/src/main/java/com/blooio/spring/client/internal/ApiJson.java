package com.blooio.spring.client.internal;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.Pagination;

/**
 * Reads and writes API bodies in Blooio's dialect ({@link BlooioJson}), including the
 * shapes of list responses.
 *
 * @since 0.1.0
 */
public final class ApiJson {

	private static JsonMapper mapper() {
		return BlooioJson.mapper();
	}

	/**
	 * Writes a value as JSON.
	 * @param value the value
	 * @return the JSON bytes
	 */
	public byte[] write(Object value) {
		return mapper().writeValueAsBytes(value);
	}

	<T> T read(byte[] json, Class<T> type) {
		return mapper().readValue(json, type);
	}

	@Nullable JsonNode readTreeOrNull(byte[] json) {
		try {
			JsonNode tree = mapper().readTree(json);
			return (tree != null && tree.isObject()) ? tree : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	@Nullable Object toPlainValue(JsonNode node) {
		return mapper().convertValue(node, Object.class);
	}

	/**
	 * Reads a list response such as {@code {"chats": [...], "pagination": {...}}}.
	 */
	<T> Page<T> readPage(byte[] json, String itemsField, Class<T> itemType, int offset, int limit) {
		return readPage(mapper().readTree(json), itemsField, itemType, offset, limit);
	}

	/**
	 * Reads a list response whose items share a field named once next to them, such as
	 * {@code {"chat_id": "...", "messages": [...]}}: an item without the field gets the
	 * page's value.
	 */
	<T> Page<T> readPage(byte[] json, String itemsField, Class<T> itemType, int offset, int limit, String sharedField) {
		JsonNode root = mapper().readTree(json);
		JsonNode shared = root.get(sharedField);
		JsonNode items = root.get(itemsField);
		if (shared != null && !shared.isNull() && items != null && items.isArray()) {
			for (JsonNode item : items) {
				if (item instanceof ObjectNode object
						&& (!object.has(sharedField) || object.get(sharedField).isNull())) {
					object.set(sharedField, shared);
				}
			}
		}
		return readPage(root, itemsField, itemType, offset, limit);
	}

	private <T> Page<T> readPage(JsonNode root, String itemsField, Class<T> itemType, int offset, int limit) {
		JsonNode paginationNode = root.get("pagination");
		Pagination pagination = (paginationNode != null && paginationNode.isObject())
				? mapper().convertValue(paginationNode, Pagination.class) : Pagination.UNKNOWN;
		// the page's offset is the one asked for, never the server's: the next page is
		// derived from it, and a server value (negative, say) must not build a request
		return new Page<>(readItems(root, itemsField, itemType), offset, limit, pagination);
	}

	/**
	 * Reads the array in one field of an unpaginated response such as {@code {"numbers":
	 * [...]}}; a missing field reads as an empty list.
	 */
	<T> List<T> readList(byte[] json, String itemsField, Class<T> itemType) {
		return readItems(mapper().readTree(json), itemsField, itemType);
	}

	private <T> List<T> readItems(JsonNode root, String itemsField, Class<T> itemType) {
		JsonNode itemsNode = root.get(itemsField);
		if (itemsNode == null || !itemsNode.isArray()) {
			return List.of();
		}
		JavaType listType = mapper().getTypeFactory().constructCollectionType(List.class, itemType);
		List<T> items = mapper().convertValue(itemsNode, listType);
		return items.stream().filter(Objects::nonNull).toList();
	}

}
