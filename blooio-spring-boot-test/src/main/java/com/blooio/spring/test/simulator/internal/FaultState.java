package com.blooio.spring.test.simulator.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * The faults queued for the next API requests and the webhook faults switched on, as set
 * through {@link com.blooio.spring.test.simulator.SimulatorFaults}.
 */
final class FaultState {

	private final Deque<Fault> pending = new ArrayDeque<>();

	private volatile boolean duplicateWebhooks;

	private volatile boolean reverseWebhookOrder;

	synchronized void add(Fault fault, int count) {
		for (int i = 0; i < count; i++) {
			this.pending.add(fault);
		}
	}

	synchronized int pending() {
		return this.pending.size();
	}

	/**
	 * Takes the fault for the request being served, if one is queued.
	 */
	synchronized @Nullable Fault poll() {
		return this.pending.poll();
	}

	void duplicateWebhooks(boolean duplicate) {
		this.duplicateWebhooks = duplicate;
	}

	boolean duplicateWebhooks() {
		return this.duplicateWebhooks;
	}

	void reverseWebhookOrder(boolean reverse) {
		this.reverseWebhookOrder = reverse;
	}

	boolean reverseWebhookOrder() {
		return this.reverseWebhookOrder;
	}

	synchronized void reset() {
		this.pending.clear();
		this.duplicateWebhooks = false;
		this.reverseWebhookOrder = false;
	}

}
