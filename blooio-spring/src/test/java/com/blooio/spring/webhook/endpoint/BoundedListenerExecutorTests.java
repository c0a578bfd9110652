package com.blooio.spring.webhook.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.blooio.spring.support.ExpectedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BoundedListenerExecutor}, with its own pool and in front of an
 * executor that starts a thread per task (as virtual threads do).
 */
class BoundedListenerExecutorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final CountingThreadFactory threads = new CountingThreadFactory();

	private final Blocking blocking = new Blocking();

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.of(BoundedListenerExecutor.class);

	private BoundedListenerExecutor executor;

	@AfterEach
	void release() {
		this.blocking.release();
		if (this.executor != null) {
			this.executor.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "platform threads", "a thread per task" })
	void runsConcurrencyTasksQueuesQueueCapacityAndRefusesTheNext(String kind) {
		this.executor = create(kind, 2, 3);
		for (int i = 0; i < 5; i++) {
			this.executor.execute(this.blocking.task(i));
		}
		await().atMost(WAIT).until(() -> this.blocking.started.get() == 2 && this.executor.getQueueSize() == 3);
		assertThat(this.executor.getActiveCount()).isEqualTo(2);
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> this.executor.execute(this.blocking.task(5)));
		assertSaturationWarning("(2 running, 3 waiting)");
		this.blocking.release();
		await().atMost(WAIT).until(() -> this.blocking.done.size() == 5);
		assertThat(this.blocking.done).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
		assertThat(this.blocking.started).hasValue(5);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "platform threads", "a thread per task" })
	void acceptsTasksAgainOnceThePlacesAreFree(String kind) {
		this.executor = create(kind, 1, 1);
		this.executor.execute(this.blocking.task(0));
		this.executor.execute(this.blocking.task(1));
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> this.executor.execute(this.blocking.task(2)));
		assertSaturationWarning("(1 running, 1 waiting)");
		this.blocking.release();
		await().atMost(WAIT)
			.until(() -> this.blocking.done.size() == 2 && this.executor.getActiveCount() == 0
					&& this.executor.getQueueSize() == 0);
		this.executor.execute(this.blocking.task(3));
		await().atMost(WAIT).until(() -> this.blocking.done.contains(3));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "platform threads", "a thread per task" })
	void withoutQueueCapacityRefusesWhileEveryPlaceRuns(String kind) {
		this.executor = create(kind, 2, 0);
		this.executor.execute(this.blocking.task(0));
		this.executor.execute(this.blocking.task(1));
		await().atMost(WAIT).until(() -> this.blocking.started.get() == 2);
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> this.executor.execute(this.blocking.task(2)));
		assertSaturationWarning("(2 running, 0 waiting)");
	}

	private void assertSaturationWarning(String bounds) {
		assertThat(this.logs.messages(Level.WARN)).singleElement()
			.asString()
			.startsWith("Blooio webhook listeners are saturated " + bounds)
			.contains("blooio.webhook.listener.concurrency");
	}

	@Test
	void startsNoThreadBeforeTheFirstTaskAndNoMoreThanConcurrency() {
		this.executor = BoundedListenerExecutor.platformThreads(3, 10, this.threads);
		assertThat(this.threads.created).isEmpty();
		for (int i = 0; i < 8; i++) {
			this.executor.execute(this.blocking.task(i));
		}
		await().atMost(WAIT).until(() -> this.blocking.started.get() == 3);
		assertThat(this.threads.created).hasSize(3);
		this.blocking.release();
		await().atMost(WAIT).until(() -> this.blocking.done.size() == 8);
		assertThat(this.threads.created).hasSize(3);
	}

	@Test
	void closeRefusesNewTasksAndStopsItsThreads() {
		this.executor = BoundedListenerExecutor.platformThreads(2, 2, this.threads);
		this.executor.execute(this.blocking.task(0));
		this.executor.execute(this.blocking.task(1));
		await().atMost(WAIT).until(() -> this.blocking.started.get() == 2);
		this.executor.close();
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> this.executor.execute(this.blocking.task(2)));
		await().atMost(WAIT).until(() -> this.threads.created.stream().noneMatch(Thread::isAlive));
	}

	@Test
	void closeBeforeTheFirstTaskStartsNoThread() {
		this.executor = BoundedListenerExecutor.platformThreads(2, 2, this.threads);
		this.executor.close();
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> this.executor.execute(this.blocking.task(0)));
		assertThat(this.threads.created).isEmpty();
	}

	@Test
	void threadPerTaskExecutorThatCannotStartAThreadRefusesAndFreesThePlace() {
		AtomicInteger attempts = new AtomicInteger();
		Executor failingOnce = (task) -> {
			if (attempts.getAndIncrement() == 0) {
				throw new IllegalStateException("No thread provoked by the test");
			}
			new Thread(task).start();
		};
		this.executor = BoundedListenerExecutor.threadPerTask(failingOnce, 1, 0);
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> this.executor.execute(this.blocking.task(0)));
		assertThat(this.logs.text()).isEqualTo("WARN " + BoundedListenerExecutor.class.getName()
				+ " - Could not start a Blooio webhook listener thread; the delivery is answered 503 and Blooio"
				+ " delivers it again later [java.lang.IllegalStateException: No thread provoked by the test]");
		this.blocking.release();
		this.executor.execute(this.blocking.task(1));
		await().atMost(WAIT).until(() -> this.blocking.done.contains(1));
	}

	@Test
	void boundsMustBeSensible() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BoundedListenerExecutor.platformThreads(0, 1, this.threads))
			.withMessageContaining("concurrency");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BoundedListenerExecutor.threadPerTask((task) -> new Thread(task).start(), 1, -1))
			.withMessageContaining("queueCapacity");
	}

	private BoundedListenerExecutor create(String kind, int concurrency, int queueCapacity) {
		BiFunction<Integer, Integer, BoundedListenerExecutor> factory = kind.equals("platform threads")
				? (c, q) -> BoundedListenerExecutor.platformThreads(c, q, this.threads)
				: (c, q) -> BoundedListenerExecutor.threadPerTask((task) -> this.threads.newThread(task).start(), c, q);
		return factory.apply(concurrency, queueCapacity);
	}

	static class CountingThreadFactory implements ThreadFactory {

		final List<Thread> created = new CopyOnWriteArrayList<>();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "bounded-test-" + this.created.size());
			thread.setDaemon(true);
			this.created.add(thread);
			return thread;
		}

	}

	/**
	 * Tasks that block until released, recording which started and which finished.
	 */
	static class Blocking {

		final AtomicInteger started = new AtomicInteger();

		final List<Integer> done = new CopyOnWriteArrayList<>();

		private final CountDownLatch released = new CountDownLatch(1);

		Runnable task(int id) {
			return () -> {
				this.started.incrementAndGet();
				try {
					if (this.released.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
						this.done.add(id);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			};
		}

		void release() {
			this.released.countDown();
		}

	}

}
