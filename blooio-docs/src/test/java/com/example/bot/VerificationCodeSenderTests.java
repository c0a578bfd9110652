package com.example.bot;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.blooio.spring.test.context.AutoConfigureBlooioSimulator;
import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "blooio.delivery-tracking.timeout=2s")
@AutoConfigureBlooioSimulator
class VerificationCodeSenderTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	BlooioSimulator simulator;

	@Autowired
	VerificationCodeSender codes;

	@BeforeEach
	void reset() {
		this.simulator.reset();
	}

	@Test
	void deliveredCodeIsReportedDelivered() {
		assertThat(this.codes.sendCode("+15551230005", "123456").block(WAIT)).isEqualTo("delivered");
	}

	@Test
	void failedCodeIsReportedWithBlooiosReason() {
		this.simulator.settings().failDeliveriesTo("+15551230006");

		assertThat(this.codes.sendCode("+15551230006", "123456").block(WAIT))
			.isEqualTo("failed (delivery_failed: The message could not be delivered to the recipient.)");
	}

	@Test
	void codeThatStaysQueuedIsReportedUnknownAfterTheTimeout() {
		this.simulator.settings().holdDeliveriesTo("+15551230007");

		assertThat(this.codes.sendCode("+15551230007", "123456").block(WAIT)).startsWith("unknown (last status: ");
	}

}
