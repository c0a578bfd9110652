package com.blooio.spring.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Failures a {@link BlooioSimulator} injects: error answers, dropped connections and slow
 * answers for the next API requests, and duplicated or reordered webhooks.
 * {@link BlooioSimulator#reset()} clears them.
 */
public final class SimulatorFaults {

	private final Deque<Fault> pending = new ArrayDeque<>();

	private volatile boolean duplicateWebhooks;

	private volatile boolean reverseWebhookOrder;

	SimulatorFaults() {
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
		this.duplicateWebhooks = duplicate;
		return this;
	}

	/**
	 * Sets whether the lifecycle events of a sent message are delivered in reverse order
	 * ({@code message.delivered} before {@code message.sent}).
	 * @param reverse whether to reverse the order
	 * @return these faults
	 */
	public SimulatorFaults reverseWebhookOrder(boolean reverse) {
		this.reverseWebhookOrder = reverse;
		return this;
	}

	boolean duplicateWebhooks() {
		return this.duplicateWebhooks;
	}

	boolean reverseWebhookOrder() {
		return this.reverseWebhookOrder;
	}

	synchronized @Nullable Fault poll() {
		return this.pending.poll();
	}

	synchronized void reset() {
		this.pending.clear();
		this.duplicateWebhooks = false;
		this.reverseWebhookOrder = false;
	}

	private synchronized void add(Fault fault, int count) {
		for (int i = 0; i < count; i++) {
			this.pending.add(fault);
		}
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
			add(Fault.respond(status), this.count);
		}

		/**
		 * Answers 429 without a quota code and with a {@code Retry-After} in seconds
		 * (rounded up).
		 * @param retryAfter the wait to advertise
		 */
		public void rateLimited(Duration retryAfter) {
			add(Fault.rateLimited(retryAfter), this.count);
		}

		/**
		 * Answers 429 {@code outbound_limit_reached} with {@code limit}, {@code current}
		 * and {@code mode}.
		 */
		public void quotaExceeded() {
			add(Fault.quotaExceeded(), this.count);
		}

		/**
		 * Closes the connection without answering.
		 */
		public void dropConnection() {
			add(Fault.drop(), this.count);
		}

		/**
		 * Waits before answering normally.
		 * @param delay the wait
		 */
		public void delay(Duration delay) {
			add(Fault.delayed(delay), this.count);
		}

	}

}
