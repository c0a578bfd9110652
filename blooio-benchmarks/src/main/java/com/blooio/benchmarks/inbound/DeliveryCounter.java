package com.blooio.benchmarks.inbound;

import java.util.concurrent.atomic.LongAdder;

import org.springframework.context.ApplicationListener;

import com.blooio.spring.webhook.event.BlooioEvent;

/**
 * The one listener of the benchmark applications: counts the events published, so the
 * load generator can check that every accepted delivery was published.
 */
public class DeliveryCounter implements ApplicationListener<BlooioEvent> {

	private final LongAdder published = new LongAdder();

	@Override
	public void onApplicationEvent(BlooioEvent event) {
		this.published.increment();
	}

	/**
	 * Returns how many events were published.
	 * @return the count
	 */
	public long published() {
		return this.published.sum();
	}

}
