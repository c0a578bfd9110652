package com.blooio.spring.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import com.blooio.spring.client.model.Page;
import com.blooio.spring.client.model.Pagination;

/**
 * Blooio's JSON dialect: snake_case, nulls omitted on write, and lenient on read (unknown
 * fields ignored, timestamps as epoch milliseconds or ISO strings, unknown enum values
 * read as {@code null}, objects where a string was expected kept as JSON text).
 * <p>
 * A private mapper on purpose: the application's {@code spring.jackson.*} settings must
 * not change what goes on the wire to Blooio.
 */
final class BlooioJson {

	private static JsonMapper createMapper() {
		SimpleModule leniency = new SimpleModule("blooio-leniency");
		leniency.addDeserializer(Instant.class, new LenientInstantDeserializer());
		leniency.addDeserializer(String.class, new LenientStringDeserializer());
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
			.addModule(leniency)
			.build();
	}

	/**
	 * The mapper, shared by every template and built on first use, so that creating a
	 * template costs none.
	 */
	private static JsonMapper mapper() {
		return Holder.MAPPER;
	}

	byte[] write(Object value) {
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
		JsonNode root = mapper().readTree(json);
		JsonNode paginationNode = root.get("pagination");
		Pagination pagination = (paginationNode != null && paginationNode.isObject())
				? mapper().convertValue(paginationNode, Pagination.class) : Pagination.UNKNOWN;
		int pageOffset = (pagination.offset() != null) ? pagination.offset() : offset;
		return new Page<>(readItems(root, itemsField, itemType), pageOffset, limit, pagination);
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

	/**
	 * Reads epoch milliseconds (number or numeric string) or an ISO-8601 date-time;
	 * anything else becomes {@code null} rather than failing the whole response.
	 */
	static final class LenientInstantDeserializer extends ValueDeserializer<Instant> {

		@Override
		public @Nullable Instant deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			if (token == JsonToken.VALUE_NUMBER_INT) {
				return Instant.ofEpochMilli(parser.getLongValue());
			}
			if (token == JsonToken.VALUE_NUMBER_FLOAT) {
				return Instant.ofEpochMilli((long) parser.getDoubleValue());
			}
			if (token == JsonToken.VALUE_STRING) {
				return parse(parser.getString().trim());
			}
			parser.skipChildren();
			return null;
		}

		private static @Nullable Instant parse(String text) {
			if (text.isEmpty()) {
				return null;
			}
			try {
				return Instant.ofEpochMilli(Long.parseLong(text));
			}
			catch (NumberFormatException ex) {
				// not epoch millis, try ISO-8601
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

	}

	/**
	 * Reads scalars as their text, and an object or array where a string was expected as
	 * its JSON text, so a field that changes shape does not fail the whole response.
	 */
	static final class LenientStringDeserializer extends ValueDeserializer<String> {

		@Override
		public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			if (token == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
				return context.readTree(parser).toString();
			}
			if (token == JsonToken.VALUE_NULL) {
				return null;
			}
			return parser.getString();
		}

	}

	private static final class Holder {

		static final JsonMapper MAPPER = createMapper();

	}

}
