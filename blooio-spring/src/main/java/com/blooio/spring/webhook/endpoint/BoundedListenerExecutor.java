package com.blooio.spring.webhook.endpoint;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Where the WebFlux endpoint runs deliveries (the pipeline and its listeners), with two
 * bounds: at most {@code concurrency} deliveries run at once and at most
 * {@code queueCapacity} more wait. A delivery beyond both is refused at once with a
 * {@link RejectedExecutionException}, which {@link WebFluxWebhookEndpoint} answers 503
 * {@link com.blooio.spring.webhook.WebhookOutcome#OVERLOADED overloaded} with
 * {@code Retry-After}: Blooio delivers it again later, rather than waiting in an
 * unbounded queue until its own timeout, as every delivery behind it would.
 * <p>
 * Deliveries are handed over through one shared queue to a few threads, as a
 * {@code ThreadPoolTaskExecutor} does, which costs far less per delivery than Reactor's
 * bounded elastic scheduler. Threads are started by the first deliveries, not before, and
 * then stay, waiting for the next without a timer (as the pool's threads do without an
 * idle timeout). Its own threads keep listeners apart from the application's other
 * asynchronous work: a burst of webhooks neither waits behind it nor starves it.
 * <p>
 * Give it to the endpoint as {@code executor::execute}
 * ({@link WebFluxWebhookEndpoint#WebFluxWebhookEndpoint(com.blooio.spring.webhook.BlooioWebhookHandler, long, Executor)}).
 * It is deliberately not an {@link Executor}: declared as a bean of that type, it would
 * make Spring Boot back off from its application task executor.
 *
 * @since 0.1.0
 */
public final class BoundedListenerExecutor implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(BoundedListenerExecutor.class);

	private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final int concurrency;

	private final int queueCapacity;

	private final Strategy strategy;

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	private volatile boolean closed;

	private BoundedListenerExecutor(int concurrency, int queueCapacity, Strategy strategy) {
		this.concurrency = concurrency;
		this.queueCapacity = queueCapacity;
		this.strategy = strategy;
	}

	/**
	 * Creates an executor with a pool of its own: up to {@code concurrency} platform
	 * threads, created as deliveries arrive, and a queue of {@code queueCapacity}.
	 * @param concurrency most deliveries running at once, at least 1
	 * @param queueCapacity most deliveries waiting, at least 0
	 * @param threadFactory creates the threads
	 * @return the executor
	 */
	public static BoundedListenerExecutor platformThreads(int concurrency, int queueCapacity,
			ThreadFactory threadFactory) {
		check(concurrency, queueCapacity);
		return new BoundedListenerExecutor(concurrency, queueCapacity,
				new PoolStrategy(concurrency, queueCapacity, threadFactory));
	}

	/**
	 * Creates an executor that bounds one that starts a thread for every task, such as a
	 * virtual thread executor: a delivery is admitted only while fewer than
	 * {@code concurrency + queueCapacity} are in progress, and its thread waits for one
	 * of {@code concurrency} permits (first come, first served) before it runs. Never
	 * give it a pool of platform threads: waiting deliveries would hold them.
	 * @param threadPerTask starts a thread for every task
	 * @param concurrency most deliveries running at once, at least 1
	 * @param queueCapacity most deliveries waiting, at least 0
	 * @return the executor
	 */
	public static BoundedListenerExecutor threadPerTask(Executor threadPerTask, int concurrency, int queueCapacity) {
		check(concurrency, queueCapacity);
		return new BoundedListenerExecutor(concurrency, queueCapacity,
				new ThreadPerTaskStrategy(threadPerTask, concurrency, queueCapacity));
	}

	private static void check(int concurrency, int queueCapacity) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1");
		}
		if (queueCapacity < 0) {
			throw new IllegalArgumentException("queueCapacity must not be negative");
		}
	}

	/**
	 * Runs the task, or refuses it.
	 * @param task the task
	 * @throws RejectedExecutionException if {@code concurrency} tasks run and
	 * {@code queueCapacity} wait, or this executor is closed
	 */
	public void execute(Runnable task) {
		if (this.closed) {
			throw new RejectedExecutionException("Blooio webhook listener executor is closed");
		}
		try {
			this.strategy.execute(task);
		}
		catch (RejectedExecutionException ex) {
			if (ex.getCause() != null) {
				// not saturated: the executor behind could not start a thread
				logger.warn(ex.getMessage() + "; the delivery is answered 503 and Blooio delivers it again later",
						ex.getCause());
			}
			else {
				warnSaturated();
			}
			throw ex;
		}
	}

	/**
	 * Returns the most deliveries that run at once.
	 * @return the concurrency
	 */
	public int getConcurrency() {
		return this.concurrency;
	}

	/**
	 * Returns the most deliveries that wait.
	 * @return the queue capacity
	 */
	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	/**
	 * Returns about how many deliveries run right now.
	 * @return the deliveries running
	 */
	public int getActiveCount() {
		return this.strategy.active();
	}

	/**
	 * Returns about how many deliveries wait right now.
	 * @return the deliveries waiting
	 */
	public int getQueueSize() {
		return this.strategy.queued();
	}

	/**
	 * Refuses new deliveries from now on; with a pool of its own, also drops those
	 * waiting and interrupts those running. In an application context it is closed with
	 * the context, after the web server has stopped (and, with a graceful shutdown,
	 * answered the deliveries in flight).
	 */
	@Override
	public void close() {
		this.closed = true;
		this.strategy.close();
	}

	private void warnSaturated() {
		if (this.closed || !logger.isWarnEnabled()) {
			return;
		}
		long now = System.nanoTime();
		long next = this.nextWarning.get();
		if (now - next >= 0 && this.nextWarning.compareAndSet(next, now + WARNING_INTERVAL_NANOS)) {
			logger.warn("Blooio webhook listeners are saturated (" + this.concurrency + " running, "
					+ this.queueCapacity + " waiting): further deliveries are answered 503 overloaded, and Blooio"
					+ " delivers them again later. Make listeners faster, or raise their concurrency"
					+ " (blooio.webhook.listener.concurrency with Spring Boot). Logged at most once a minute.");
		}
	}

	@Override
	public String toString() {
		return "BoundedListenerExecutor{concurrency=" + this.concurrency + ", queueCapacity=" + this.queueCapacity
				+ ", strategy=" + this.strategy + "}";
	}

	private interface Strategy {

		void execute(Runnable task);

		int active();

		int queued();

		void close();

	}

	/**
	 * A pool of its own: the pool bounds the threads, its queue the waiting tasks, and it
	 * refuses what fits neither. The pool is created on the first task.
	 */
	private static final class PoolStrategy implements Strategy {

		private final int concurrency;

		private final int queueCapacity;

		private final ThreadFactory threadFactory;

		private final Object lock = new Object();

		private volatile @Nullable ThreadPoolExecutor pool;

		private boolean closed;

		PoolStrategy(int concurrency, int queueCapacity, ThreadFactory threadFactory) {
			this.concurrency = concurrency;
			this.queueCapacity = queueCapacity;
			this.threadFactory = threadFactory;
		}

		@Override
		public void execute(Runnable task) {
			pool().execute(task);
		}

		private ThreadPoolExecutor pool() {
			ThreadPoolExecutor pool = this.pool;
			if (pool != null) {
				return pool;
			}
			synchronized (this.lock) {
				if (this.closed) {
					throw new RejectedExecutionException("Blooio webhook listener executor is closed");
				}
				if (this.pool == null) {
					this.pool = createPool();
				}
				return this.pool;
			}
		}

		private ThreadPoolExecutor createPool() {
			// no queue at all holds nothing: a task is handed to an idle thread or
			// refused
			BlockingQueue<Runnable> queue = (this.queueCapacity > 0) ? new ArrayBlockingQueue<>(this.queueCapacity)
					: new SynchronousQueue<>();
			return new ThreadPoolExecutor(this.concurrency, this.concurrency, 0, TimeUnit.SECONDS, queue,
					this.threadFactory, new ThreadPoolExecutor.AbortPolicy());
		}

		@Override
		public int active() {
			ThreadPoolExecutor pool = this.pool;
			return (pool != null) ? pool.getActiveCount() : 0;
		}

		@Override
		public int queued() {
			ThreadPoolExecutor pool = this.pool;
			return (pool != null) ? pool.getQueue().size() : 0;
		}

		@Override
		public void close() {
			ThreadPoolExecutor pool;
			synchronized (this.lock) {
				this.closed = true;
				pool = this.pool;
			}
			if (pool != null) {
				pool.shutdownNow();
			}
		}

		@Override
		public String toString() {
			return "platform threads";
		}

	}

	/**
	 * Bounds an executor that starts a thread per task with two semaphores: one admits
	 * running and waiting tasks together, the other lets the admitted run in turn.
	 */
	private static final class ThreadPerTaskStrategy implements Strategy {

		private final Executor threadPerTask;

		private final int concurrency;

		private final int admissions;

		private final Semaphore admitted;

		private final Semaphore running;

		ThreadPerTaskStrategy(Executor threadPerTask, int concurrency, int queueCapacity) {
			this.threadPerTask = threadPerTask;
			this.concurrency = concurrency;
			this.admissions = concurrency + queueCapacity;
			this.admitted = new Semaphore(this.admissions);
			this.running = new Semaphore(concurrency, true);
		}

		@Override
		public void execute(Runnable task) {
			if (!this.admitted.tryAcquire()) {
				throw new RejectedExecutionException("Blooio webhook listeners are saturated");
			}
			try {
				this.threadPerTask.execute(() -> runAdmitted(task));
			}
			catch (RuntimeException ex) {
				this.admitted.release();
				throw (ex instanceof RejectedExecutionException rejected) ? rejected
						: new RejectedExecutionException("Could not start a Blooio webhook listener thread", ex);
			}
		}

		private void runAdmitted(Runnable task) {
			try {
				this.running.acquireUninterruptibly();
				try {
					task.run();
				}
				finally {
					this.running.release();
				}
			}
			finally {
				this.admitted.release();
			}
		}

		@Override
		public int active() {
			return this.concurrency - this.running.availablePermits();
		}

		@Override
		public int queued() {
			return Math.max(0, this.admissions - this.admitted.availablePermits() - active());
		}

		@Override
		public void close() {
		}

		@Override
		public String toString() {
			return "a thread per task";
		}

	}

}
