package com.blooio.spring.json;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.blooio.spring.model.message.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioJson}: the one timestamp rule and the list normalisation.
 */
class BlooioJsonTests {

	private static final Instant NOON = Instant.parse("2026-05-01T12:00:00Z");

	@Test
	void epochMillisecondsNumberIsAnInstant() {
		assertThat(BlooioJson.instant(node("1777636800000"))).isEqualTo(NOON);
	}

	@Test
	void epochMillisecondsStringIsAnInstant() {
		assertThat(BlooioJson.instant(node("\"1777636800000\""))).isEqualTo(NOON);
	}

	@Test
	void fractionalEpochMillisecondsAreTruncated() {
		assertThat(BlooioJson.instant(node("1777636800000.9"))).isEqualTo(NOON);
	}

	@Test
	void negativeEpochMillisecondsAreBeforeTheEpoch() {
		assertThat(BlooioJson.instant(node("\"-1000\""))).isEqualTo(Instant.EPOCH.minusSeconds(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-05-01T12:00:00Z", "2026-05-01T14:00:00+02:00",
			"2026-05-01T14:00:00+02:00[Europe/Paris]", "2026-05-01T12:00:00", " 2026-05-01T12:00:00Z " })
	void isoDateTimeWithOffsetZoneOrNeitherIsAnInstant(String text) {
		assertThat(BlooioJson.instant(text)).isEqualTo(NOON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e999999", "-1e300", "9223372036854775808", "1e19" })
	void numberBeyondTheRangeOfLongIsAbsent(String number) {
		assertThat(BlooioJson.instant(node(number))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"yesterday\"", "\"2026-13-01T00:00:00Z\"", "true", "{}", "[]", "null" })
	void valueThatIsNoTimestampIsAbsent(String json) {
		assertThat(BlooioJson.instant(node(json))).isNull();
	}

	@Test
	void modelsReadTimestampsByTheSameRule() {
		Message message = BlooioJson.mapper()
			.readValue("{\"message_id\":\"m1\",\"time_sent\":\"2026-05-01T12:00:00\",\"time_delivered\":1777636800000}",
					Message.class);
		assertThat(message.timeSent()).isEqualTo(NOON);
		assertThat(message.timeDelivered()).isEqualTo(NOON);
	}

	@Test
	void modelTimestampBeyondTheRangeOfLongIsAbsentRatherThanAnError() {
		Message message = BlooioJson.mapper()
			.readValue("{\"message_id\":\"m1\",\"time_sent\":1e999999}", Message.class);
		assertThat(message.timeSent()).isNull();
	}

	@Test
	void listOfDropsNullElementsAndIsImmutable() {
		List<String> list = BlooioJson.listOf(Arrays.asList("a", null, "b"));
		assertThat(list).containsExactly("a", "b").isUnmodifiable();
	}

	@Test
	void listOfNullIsEmpty() {
		assertThat(BlooioJson.listOf(null)).isEmpty();
	}

	private static JsonNode node(String json) {
		return BlooioJson.mapper().readTree(json);
	}

}
