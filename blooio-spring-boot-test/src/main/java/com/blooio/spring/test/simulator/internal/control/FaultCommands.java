package com.blooio.spring.test.simulator.internal.control;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.internal.SimulatorEngine;

/**
 * Carries out {@code POST /simulator/faults}, mirroring
 * {@link com.blooio.spring.test.simulator.SimulatorFaults}: <pre class="code">
 * {"next_requests": 1, "status": 502}                                  (fault "error" implied)
 * {"next_requests": 2, "fault": "rate_limited", "retry_after_seconds": 3}
 * {"next_requests": 1, "fault": "quota_exceeded"}
 * {"next_requests": 1, "fault": "drop_connection"}
 * {"next_requests": 1, "fault": "delay", "delay_ms": 1500}
 * {"duplicate_webhooks": true, "reverse_webhook_order": false}
 * </pre> {@code next_requests} defaults to 1; the webhook switches can come with a
 * request fault or alone.
 */
final class FaultCommands {

	static final String USAGE = "Send {\"next_requests\": 1, \"status\": 502}, or \"fault\": \"error\" (with \"status\"), "
			+ "\"rate_limited\" (with \"retry_after_seconds\"), \"quota_exceeded\", \"drop_connection\" or \"delay\" "
			+ "(with \"delay_ms\"), and/or \"duplicate_webhooks\" / \"reverse_webhook_order\": true|false";

	private final SimulatorEngine engine;

	FaultCommands(SimulatorEngine engine) {
		this.engine = engine;
	}

	void apply(CommandFields command) {
		Boolean duplicate = command.bool("duplicate_webhooks");
		Boolean reverse = command.bool("reverse_webhook_order");
		String fault = command.text("fault");
		if (fault == null && command.has("status")) {
			fault = "error";
		}
		if (fault == null && duplicate == null && reverse == null) {
			throw new ControlRequestException(USAGE);
		}
		if (fault != null) {
			Long count = command.number("next_requests", 1, 10_000);
			queue(fault, (count != null) ? count.intValue() : 1, command);
		}
		if (duplicate != null) {
			this.engine.duplicateWebhooks(duplicate);
		}
		if (reverse != null) {
			this.engine.reverseWebhookOrder(reverse);
		}
	}

	private void queue(String fault, int count, CommandFields command) {
		switch (fault) {
			case "error" ->
				this.engine.respondToNextRequests(count,
						required(command.number("status", 400, 599),
								"\"fault\": \"error\" needs \"status\", an HTTP error status from 400 to 599")
							.intValue());
			case "rate_limited" -> {
				Long seconds = command.number("retry_after_seconds", 0, 86_400);
				this.engine.rateLimitNextRequests(count, Duration.ofSeconds((seconds != null) ? seconds : 1));
			}
			case "quota_exceeded" -> this.engine.exceedQuotaOnNextRequests(count);
			case "drop_connection" -> this.engine.dropNextRequests(count);
			case "delay" -> this.engine.delayNextRequests(count, Duration
				.ofMillis(required(command.number("delay_ms", 0, 600_000), "\"fault\": \"delay\" needs \"delay_ms\"")));
			default -> throw new ControlRequestException("Unknown fault \"" + fault + "\". " + USAGE);
		}
	}

	private static <T> T required(@Nullable T value, String message) {
		if (value == null) {
			throw new ControlRequestException(message);
		}
		return value;
	}

}
