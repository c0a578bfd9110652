package com.blooio.sample;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.blooio.spring.test.simulator.BlooioSimulator;

/**
 * Simulator mode only: makes a simulated contact send a message to the app, {@code POST
 * /simulator/inbound {"from": "+15551234567", "text": "hi"}}.
 */
@RestController
@ConditionalOnProperty(SimulatorModeEnvironmentPostProcessor.SIMULATOR_ID_PROPERTY)
class SimulatorController {

	private final BlooioSimulator simulator;

	SimulatorController(BlooioSimulator simulator) {
		this.simulator = simulator;
	}

	@PostMapping("/simulator/inbound")
	Map<String, String> inbound(@RequestBody InboundCommand command) {
		String messageId = this.simulator.contact(command.from()).sends(command.text());
		return Map.of("message_id", messageId);
	}

	record InboundCommand(String from, String text) {
	}

}
