package com.blooio.spring.delivery;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DeliveryTrackingSettings}: the polling schedule.
 */
class DeliveryTrackingSettingsTests {

	@Test
	void withoutWebhooksTheFirstCheckIsImmediateAndLaterWaitsDoubleUpToTheLongest() {
		DeliveryTrackingSettings settings = DeliveryTrackingSettings.defaults();
		assertThat(LongStream.range(0, 7).mapToObj(settings::pollDelay)).containsExactly(Duration.ZERO,
				Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15),
				Duration.ofSeconds(15), Duration.ofSeconds(15));
	}

	@Test
	void withWebhooksEveryCheckWaitsTheSafetyNetInterval() {
		DeliveryTrackingSettings settings = DeliveryTrackingSettings.defaults()
			.withPolling(Duration.ofSeconds(30), Duration.ofSeconds(30))
			.withStatusWebhooks(true);
		assertThat(LongStream.range(0, 4).mapToObj(settings::pollDelay)).containsOnly(Duration.ofSeconds(30));
	}

	@Test
	void manyChecksDoNotOverflowTheWait() {
		assertThat(DeliveryTrackingSettings.defaults().pollDelay(Long.MAX_VALUE)).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void longestPollIntervalShorterThanTheFirstIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> DeliveryTrackingSettings.defaults().withPolling(Duration.ofSeconds(5), Duration.ofSeconds(1)))
			.withMessageContaining("maxPollInterval");
	}

	@Test
	void zeroTimeoutIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeliveryTrackingSettings.defaults().withTimeout(Duration.ZERO))
			.withMessageContaining("timeout");
	}

}
