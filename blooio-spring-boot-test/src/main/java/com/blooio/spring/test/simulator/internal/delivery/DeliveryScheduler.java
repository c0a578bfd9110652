package com.blooio.spring.test.simulator.internal.delivery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs delivery tasks one at a time on a daemon thread of its own, and keeps what one
 * test caused away from the next: a {@link #reset()} starts a new generation, tasks
 * scheduled in an earlier one never run, and an attempt made in an earlier one is not
 * recorded.
 * <p>
 * Not API: public only for the simulator's internal packages.
 */
public final class DeliveryScheduler implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(DeliveryScheduler.class);

	private final String threadName;

	private final ScheduledExecutorService executor;

	private final AtomicLong generation = new AtomicLong();

	/** Makes "still the same generation?" and recording an attempt one step. */
	private final Object recordLock = new Object();

	/**
	 * Creates a scheduler and its thread.
	 * @param threadName the name of the delivery thread
	 */
	public DeliveryScheduler(String threadName) {
		this.threadName = threadName;
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Runs a task on the delivery thread after a delay, unless a reset comes first. Once
	 * closed, does nothing.
	 * @param delay how long to wait
	 * @param task what to run
	 */
	public void schedule(Duration delay, Runnable task) {
		long scheduledIn = this.generation.get();
		try {
			this.executor.schedule(() -> run(scheduledIn, task), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed: nothing more is delivered
		}
	}

	private void run(long scheduledIn, Runnable task) {
		if (this.generation.get() != scheduledIn) {
			return;
		}
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Blooio simulator task on " + this.threadName + " failed", ex);
		}
	}

	/**
	 * Returns the current generation, to take before an attempt and hand to
	 * {@link #recordUnlessReset} after it.
	 * @return the generation
	 */
	public long generation() {
		return this.generation.get();
	}

	/**
	 * Records an attempt, unless a reset came since it started: the test that reset must
	 * not see it.
	 * @param startedIn the {@link #generation()} when the attempt started
	 * @param recording what records it
	 * @return whether it was recorded
	 */
	public boolean recordUnlessReset(long startedIn, Runnable recording) {
		synchronized (this.recordLock) {
			if (this.generation.get() != startedIn) {
				return false;
			}
			recording.run();
			return true;
		}
	}

	/**
	 * Records an attempt whatever came since it started, though never while a reset is
	 * under way.
	 * @param recording what records it
	 */
	public void record(Runnable recording) {
		synchronized (this.recordLock) {
			recording.run();
		}
	}

	/**
	 * Starts a new generation: what was scheduled or started before is dropped.
	 */
	public void reset() {
		synchronized (this.recordLock) {
			this.generation.incrementAndGet();
		}
	}

	@Override
	public void close() {
		this.generation.incrementAndGet();
		this.executor.shutdownNow();
	}

}
