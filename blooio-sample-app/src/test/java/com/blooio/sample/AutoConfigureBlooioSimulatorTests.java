package com.blooio.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.blooio.spring.test.context.AutoConfigureBlooioSimulator;
import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "testing your app" example, as a user would write it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureBlooioSimulator
class AutoConfigureBlooioSimulatorTests {

	@Autowired
	private BlooioSimulator simulator;

	@Test
	void contactGetsOneReplyWithNoBlooioPropertySet() {
		this.simulator.contact("+15551234567").sends("hi");
		this.simulator.awaitSentMessages(1, Duration.ofSeconds(10));
		assertThat(this.simulator.sentMessages()).singleElement()
			.satisfies((sent) -> assertThat(sent.text()).isEqualTo("You said: hi"));
	}

}
