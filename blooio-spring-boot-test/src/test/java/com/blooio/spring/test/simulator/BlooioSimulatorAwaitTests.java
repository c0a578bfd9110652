package com.blooio.spring.test.simulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.blooio.spring.model.message.SendMessageResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BlooioSimulator#awaitSentMessages(int, Duration)} and
 * {@link BlooioSimulator#awaitDelivery(java.util.function.Predicate, Duration)}.
 */
class BlooioSimulatorAwaitTests extends SimulatorTestSupport {

	@Test
	void awaitSentMessagesReturnsOnceASendMadeMeanwhileIsAccepted() {
		CompletableFuture<SendMessageResponse> pending = this.blooio.send("+15551234567", "hi").toFuture();
		assertThat(this.sim.awaitSentMessages(1, TIMEOUT)).singleElement()
			.satisfies((sent) -> assertThat(sent.text()).isEqualTo("hi"));
		assertThat(pending).succeedsWithin(TIMEOUT);
	}

	@Test
	void awaitSentMessagesFailsWithTheSendsSoFarWhenTooFewArrive() {
		this.blooio.send("+15551234567", "only one").block(TIMEOUT);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.sim.awaitSentMessages(2, Duration.ofMillis(50)))
			.withMessageStartingWith("Expected 2 sent messages within PT0.05S but got [SentMessage[")
			.withMessageContaining("only one");
	}

	@Test
	void awaitDeliveryFailsWhenNoAttemptMatchesInTime() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.sim.awaitDelivery((delivery) -> true, Duration.ofMillis(50)))
			.withMessage("No matching webhook delivery within PT0.05S; deliveries: []");
	}

	@Test
	void awaitKeepsTheInterruptOfTheWaitingThread() {
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.sim.awaitSentMessages(1, TIMEOUT))
				.withMessage("Interrupted while waiting");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
