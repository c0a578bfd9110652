package com.blooio.spring.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.blooio.spring.model.message.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecentOutcomes}: bounded in number and age, first final status kept.
 */
class RecentOutcomesTests {

	private final AtomicLong now = new AtomicLong();

	private final RecentOutcomes recent = new RecentOutcomes(2, Duration.ofMinutes(1), this.now::get);

	@Test
	void rememberedOutcomeIsFound() {
		this.recent.remember(outcome("m1", DeliveryStatus.DELIVERED));
		assertThat(this.recent.get("m1")).extracting(DeliveryOutcome::status).isEqualTo(DeliveryStatus.DELIVERED);
	}

	@Test
	void oldestIsForgottenBeyondTheLimit() {
		this.recent.remember(outcome("m1", DeliveryStatus.DELIVERED));
		this.recent.remember(outcome("m2", DeliveryStatus.DELIVERED));
		this.recent.remember(outcome("m3", DeliveryStatus.FAILED));
		assertThat(this.recent.size()).isEqualTo(2);
		assertThat(this.recent.get("m1")).isNull();
		assertThat(this.recent.get("m3")).isNotNull();
	}

	@Test
	void outcomeIsForgottenAfterTheRetention() {
		this.recent.remember(outcome("m1", DeliveryStatus.DELIVERED));
		this.now.addAndGet(Duration.ofMinutes(1).toNanos());
		assertThat(this.recent.get("m1")).isNull();
		assertThat(this.recent.size()).isZero();
	}

	@Test
	void expiredOutcomesAreDroppedWhenAnotherIsRemembered() {
		this.recent.remember(outcome("m1", DeliveryStatus.DELIVERED));
		this.now.addAndGet(Duration.ofMinutes(2).toNanos());
		this.recent.remember(outcome("m2", DeliveryStatus.DELIVERED));
		assertThat(this.recent.size()).isEqualTo(1);
	}

	@Test
	void firstFinalStatusIsKept() {
		this.recent.remember(outcome("m1", DeliveryStatus.DELIVERED));
		this.recent.remember(outcome("m1", DeliveryStatus.READ));
		assertThat(this.recent.get("m1")).extracting(DeliveryOutcome::status).isEqualTo(DeliveryStatus.DELIVERED);
	}

	@Test
	void zeroLimitRemembersNothing() {
		RecentOutcomes none = new RecentOutcomes(0, Duration.ofMinutes(1), this.now::get);
		none.remember(outcome("m1", DeliveryStatus.DELIVERED));
		assertThat(none.size()).isZero();
	}

	private static DeliveryOutcome outcome(String messageId, DeliveryStatus status) {
		return new DeliveryOutcome(messageId, "+15551234567", status, null, null, null);
	}

}
