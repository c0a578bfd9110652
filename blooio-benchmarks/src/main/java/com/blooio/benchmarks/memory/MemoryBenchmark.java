package com.blooio.benchmarks.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import com.blooio.benchmarks.inbound.DeliveryCounter;
import com.blooio.benchmarks.inbound.InboundServerApp;
import com.blooio.benchmarks.support.Args;
import com.blooio.benchmarks.support.Report;
import com.blooio.benchmarks.support.WebhookDeliveries;
import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookOutcome;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

/**
 * Heap used after many webhook deliveries with distinct ids, driven in-process through
 * the auto-configured {@link BlooioWebhookHandler}: measured after start-up, after the
 * first checkpoint (by default as many deliveries as the in-memory store holds,
 * {@code blooio.webhook.deduplication.memory.max-entries}) and after the last (by default
 * ten times as many). Each measurement follows full garbage collections, so it is the
 * live heap. Bounded means the store never holds more than its maximum and the heap after
 * the last checkpoint is about the heap after the first.
 */
public final class MemoryBenchmark {

	private MemoryBenchmark() {
	}

	public static void main(String[] arguments) throws InterruptedException {
		Args args = Args.parse(arguments);
		try (ConfigurableApplicationContext context = InboundServerApp.start("webflux", Map.of())) {
			BlooioWebhookHandler handler = context.getBean(BlooioWebhookHandler.class);
			WebhookDeduplicationStore store = context.getBean(WebhookDeduplicationStore.class);
			DeliveryCounter counter = context.getBean(DeliveryCounter.class);
			int maxEntries = context.getBean(BlooioProperties.class)
				.getWebhook()
				.getDeduplication()
				.getMemory()
				.getMaxEntries();
			int first = args.getInt("first", maxEntries);
			int last = args.getInt("last", 10 * first);
			WebhookDeliveries deliveries = WebhookDeliveries.fromFixture();
			report(0, usedHeapAfterGc(), store, maxEntries, counter);
			deliver(handler, deliveries, first);
			report(first, usedHeapAfterGc(), store, maxEntries, counter);
			deliver(handler, deliveries, last - first);
			report(last, usedHeapAfterGc(), store, maxEntries, counter);
		}
		System.exit(0);
	}

	private static void deliver(BlooioWebhookHandler handler, WebhookDeliveries deliveries, int count) {
		Report.progress("memory: delivering " + count + " webhooks");
		for (int i = 0; i < count; i++) {
			WebhookDeliveries.Delivery delivery = deliveries.next();
			WebhookOutcome outcome = handler.handle(delivery.headers(), delivery.body());
			if (outcome != WebhookOutcome.HANDLED) {
				throw new IllegalStateException("Delivery " + delivery.messageId() + " was " + outcome);
			}
		}
	}

	private static void report(int delivered, long heapBytes, WebhookDeduplicationStore store, int maxEntries,
			DeliveryCounter counter) {
		Object size = (store instanceof InMemoryWebhookDeduplicationStore inMemory) ? inMemory.size() : "n/a";
		Report.result("part", "memory", "deliveries", delivered, "published", counter.published(), "heapBytes",
				heapBytes, "storeSize", size, "maxEntries", maxEntries);
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
