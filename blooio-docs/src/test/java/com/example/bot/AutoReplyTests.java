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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureBlooioSimulator
class AutoReplyTests {

	@Autowired
	BlooioSimulator simulator;

	@BeforeEach
	void reset() {
		this.simulator.reset(); // cached application contexts share the simulator
	}

	@Test
	void repliesOnceToAnInboundMessage() {
		// a signed message.received webhook to the application's endpoint
		this.simulator.contact("+15551234567").sends("hi");

		assertThat(this.simulator.awaitSentMessages(1, Duration.ofSeconds(10))).singleElement()
			.satisfies((sent) -> assertThat(sent.text()).isEqualTo("You said: hi"));
	}

}
