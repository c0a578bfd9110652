package com.blooio.spring.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Blooio's JSON dialect, the one binding the client and the webhook side share:
 * snake_case, nulls omitted on write, and lenient on read (unknown fields ignored,
 * timestamps read by {@link #instant(JsonNode)}, unknown enum values read as
 * {@code null}, objects where a string was expected kept as JSON text).
 * <p>
 * A mapper of its own on purpose: the application's {@code spring.jackson.*} settings
 * must not change what goes on the wire to Blooio or how a delivery is read. Use it to
 * read JSON the library hands over as text, for example a webhook event's
 * {@code getJson()}: <pre class="code">
 * Message message = BlooioJson.mapper().readValue(event.getJson(), Message.class);
 * </pre>
 *
 * @since 0.1.0
 */
public final class BlooioJson {

	/** Epoch milliseconds fit in 18 digits until the year 33658. */
	private static final int MAX_EPOCH_MILLIS_DIGITS = 18;

	private static final double LONG_RANGE = 0x1p63;

	private static final long SECONDS_BELOW = 100_000_000_000L;

	private BlooioJson() {
	}

	/**
	 * Returns the mapper of Blooio's dialect. Immutable and thread-safe; built on first
	 * use, so that an application that never calls Blooio pays nothing for it.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return Holder.MAPPER;
	}

	/**
	 * Reads a timestamp the way Blooio writes them: a number of epoch milliseconds, or a
	 * string holding epoch milliseconds or an ISO-8601 date-time (with an offset, a zone
	 * id, or neither, then read as UTC). Anything else, including numbers beyond the
	 * range of {@code long}, reads as {@code null} rather than failing.
	 * @param value the JSON value, or {@code null}
	 * @return the instant, or {@code null}
	 */
	public static @Nullable Instant instant(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber()) {
			return value.canConvertToLong() ? Instant.ofEpochMilli(value.longValue()) : null;
		}
		if (value.isNumber()) {
			double millis = value.doubleValue();
			return (Double.isFinite(millis) && Math.abs(millis) < LONG_RANGE) ? Instant.ofEpochMilli((long) millis)
					: null;
		}
		return value.isString() ? instant(value.asString()) : null;
	}

	/**
	 * Reads a timestamp of Blooio's v4 API, whose material writes whole numbers both as
	 * seconds and as milliseconds since the epoch: below 10^11 (March 1973 in
	 * milliseconds, the year 5138 in seconds) a whole number is taken as seconds;
	 * anything else is read as {@link #instant(JsonNode)} reads it.
	 * @param value the JSON value, or {@code null}
	 * @return the instant, or {@code null} when the value is none of these
	 */
	public static @Nullable Instant epochInstant(@Nullable JsonNode value) {
		if (value != null && value.isIntegralNumber() && value.canConvertToLong()
				&& Math.abs(value.longValue()) < SECONDS_BELOW) {
			return Instant.ofEpochSecond(value.longValue());
		}
		return instant(value);
	}

	/**
	 * Reads a timestamp written as text: epoch milliseconds or an ISO-8601 date-time, as
	 * {@link #instant(JsonNode)} describes.
	 * @param text the text
	 * @return the instant, or {@code null} when the text is neither
	 */
	public static @Nullable Instant instant(String text) {
		String trimmed = text.trim();
		if (isEpochMillis(trimmed)) {
			return Instant.ofEpochMilli(Long.parseLong(trimmed));
		}
		if (trimmed.isEmpty()) {
			return null;
		}
		try {
			// one parse, with or without an offset: an exception per timestamp would cost
			// more than the rest of reading a webhook
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(trimmed, OffsetDateTime::from,
					LocalDateTime::from);
			return (parsed instanceof OffsetDateTime offsetDateTime) ? offsetDateTime.toInstant()
					: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean isEpochMillis(String text) {
		int start = text.startsWith("-") ? 1 : 0;
		if (text.length() <= start || text.length() > start + MAX_EPOCH_MILLIS_DIGITS) {
			return false;
		}
		for (int i = start; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Normalises a list read from JSON, as the models do in their constructors: never
	 * {@code null}, no {@code null} elements, immutable.
	 * @param <T> the element type
	 * @param list the list, or {@code null}
	 * @return the normalised list
	 */
	public static <T> List<T> listOf(@Nullable List<@Nullable T> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		return list.stream().filter(Objects::nonNull).map(Objects::requireNonNull).toList();
	}

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
	 * Reads an {@link Instant} field by {@link BlooioJson#instant(JsonNode)}.
	 */
	private static final class LenientInstantDeserializer extends ValueDeserializer<Instant> {

		@Override
		public @Nullable Instant deserialize(JsonParser parser, DeserializationContext context) {
			return instant(context.readTree(parser));
		}

	}

	/**
	 * Reads scalars as their text, and an object or array where a string was expected as
	 * its JSON text, so a field that changes shape does not fail the whole response.
	 */
	private static final class LenientStringDeserializer extends ValueDeserializer<String> {

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
