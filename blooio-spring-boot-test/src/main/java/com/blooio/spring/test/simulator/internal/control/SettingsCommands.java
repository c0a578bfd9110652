package com.blooio.spring.test.simulator.internal.control;

import java.util.List;
import java.util.Locale;

import com.blooio.spring.test.simulator.V4Envelope;
import com.blooio.spring.test.simulator.internal.SimulatorEngine;

/**
 * Carries out {@code POST /simulator/settings}, mirroring
 * {@link com.blooio.spring.test.simulator.SimulatorSettings}: <pre class="code">
 * {"read_receipts": true, "retire_v2_webhook_creation": false,
 *  "fail_deliveries_to": ["+15550000000"], "v4_envelope": "guides"}
 * </pre> Every field is optional; {@code fail_deliveries_to} (one chat id or several)
 * adds to the chats already failing, which only a reset clears.
 */
final class SettingsCommands {

	static final String USAGE = "Send any of \"read_receipts\": true|false, \"retire_v2_webhook_creation\": true|false, "
			+ "\"fail_deliveries_to\": \"<chat id>\" or [\"<chat id>\", …], \"hold_deliveries_to\": (the same), "
			+ "\"v4_envelope\": \"document\"|\"guides\"";

	private final SimulatorEngine engine;

	SettingsCommands(SimulatorEngine engine) {
		this.engine = engine;
	}

	void apply(CommandFields command) {
		Boolean readReceipts = command.bool("read_receipts");
		Boolean retired = command.bool("retire_v2_webhook_creation");
		List<String> failing = command.texts("fail_deliveries_to");
		List<String> held = command.texts("hold_deliveries_to");
		String envelope = command.text("v4_envelope");
		V4Envelope shape = (envelope != null) ? envelope(envelope) : null;
		if (readReceipts == null && retired == null && failing.isEmpty() && held.isEmpty() && shape == null) {
			throw new ControlRequestException(USAGE);
		}
		if (readReceipts != null) {
			this.engine.readReceipts(readReceipts);
		}
		if (retired != null) {
			this.engine.retireV2WebhookCreation(retired);
		}
		failing.forEach(this.engine::failDeliveriesTo);
		held.forEach(this.engine::holdDeliveriesTo);
		if (shape != null) {
			this.engine.v4Envelope(shape);
		}
	}

	private static V4Envelope envelope(String name) {
		try {
			return V4Envelope.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ControlRequestException("\"v4_envelope\" must be \"document\" or \"guides\"");
		}
	}

}
