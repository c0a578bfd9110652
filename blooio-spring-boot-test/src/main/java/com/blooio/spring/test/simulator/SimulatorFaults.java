package com.blooio.spring.test.simulator;

import java.time.Duration;

import org.springframework.util.Assert;

import com.blooio.spring.test.simulator.internal.SimulatorEngine;

/**
 * Failures a {@link BlooioSimulator} injects: error answers, dropped connections and slow
 * answers for the next API requests, and duplicated or reordered webhooks.
 * {@link BlooioSimulator#reset()} clears them.
 *
 * @since 0.1.0
 */
public final class SimulatorFaults {

	private final SimulatorEngine engine;

	SimulatorFaults(SimulatorEngine engine) {
		this.engine = engine;
	}

	/**
	 * Starts a fault for the next requests to the API, whatever their path, after any
	 * faults already queued.
	 * @param count how many requests the fault applies to
	 * @return the fault to choose
	 */
	public NextRequests nextRequests(int count) {
		Assert.isTrue(count > 0, "count must be positive");
		return new NextRequests(count);
	}

	/**
	 * Sets whether every webhook is delivered twice, as Blooio's at-least-once delivery
	 * may do.
	 * @param duplicate whether to duplicate deliveries
	 * @return these faults
	 */
	public SimulatorFaults duplicateWebhooks(boolean duplicate) {
		this.engine.duplicateWebhooks(duplicate);
		return this;
	}

	/**
	 * Sets whether the lifecycle events of a sent message are delivered in reverse order
	 * ({@code message.delivered} before {@code message.sent}).
	 * @param reverse whether to reverse the order
	 * @return these faults
	 */
	public SimulatorFaults reverseWebhookOrder(boolean reverse) {
		this.engine.reverseWebhookOrder(reverse);
		return this;
	}

	/**
	 * The fault the next requests get.
	 */
	public final class NextRequests {

		private final int count;

		private NextRequests(int count) {
			this.count = count;
		}

		/**
		 * Answers with an error status and Blooio's error body (503 says "No active
		 * number available").
		 * @param status the HTTP status, e.g. 502 or 503
		 */
		public void respond(int status) {
			Assert.isTrue(status >= 400 && status <= 599, "status must be an error status");
			SimulatorFaults.this.engine.respondToNextRequests(this.count, status);
		}

		/**
		 * Answers 429 without a quota code and with a {@code Retry-After} in seconds
		 * (rounded up).
		 * @param retryAfter the wait to advertise
		 */
		public void rateLimited(Duration retryAfter) {
			SimulatorFaults.this.engine.rateLimitNextRequests(this.count, retryAfter);
		}

		/**
		 * Answers 429 {@code outbound_limit_reached} with {@code limit}, {@code current}
		 * and {@code mode}.
		 */
		public void quotaExceeded() {
			SimulatorFaults.this.engine.exceedQuotaOnNextRequests(this.count);
		}

		/**
		 * Closes the connection without answering.
		 */
		public void dropConnection() {
			SimulatorFaults.this.engine.dropNextRequests(this.count);
		}

		/**
		 * Waits before answering normally.
		 * @param delay the wait
		 */
		public void delay(Duration delay) {
			SimulatorFaults.this.engine.delayNextRequests(this.count, delay);
		}

	}

}
