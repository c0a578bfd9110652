package com.blooio.spring.support;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the warnings and errors that the given loggers (and their children) log during
 * one test off the console and records them, so that a test which provokes a failure on
 * purpose asserts what a user would read instead of printing warnings and stack traces
 * into the build log. What other loggers log, and what these log below WARN, still
 * reaches the console: an unexpected warning stays visible.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * final ExpectedLogs logs = ExpectedLogs.of(BlooioWebhookHandler.class);
 *
 * &#64;Test
 * void badSignatureIsRejected() {
 *     // ...
 *     assertThat(this.logs.text()).contains("Rejected Blooio webhook (BAD_SIGNATURE)");
 * }
 * </pre>
 *
 * A test that lets such a logger log but never looks at what it logged gets the events
 * printed after it, one line each without stack frames, so that nothing goes unseen.
 * <p>
 * The events are taken off the console by {@link ExpectedLogsFilter}, which each module's
 * {@code logback-test.xml} puts on its console appender: as part of the configuration, it
 * survives Spring Boot resetting Logback when a test starts an application, which an
 * appender added by the test would not.
 */
public final class ExpectedLogs implements BeforeEachCallback, AfterEachCallback {

	private static final List<ExpectedLogs> active = new CopyOnWriteArrayList<>();

	private final List<String> loggerNames;

	private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private volatile boolean inspected;

	private ExpectedLogs(List<String> loggerNames) {
		this.loggerNames = List.copyOf(loggerNames);
	}

	/**
	 * Expects what the loggers of the given classes log.
	 * @param sources the classes whose loggers are expected to log
	 * @return the extension, to register with {@code @RegisterExtension}
	 */
	public static ExpectedLogs of(Class<?>... sources) {
		return new ExpectedLogs(Arrays.stream(sources).map(Class::getName).toList());
	}

	/**
	 * Expects what the named loggers, and the loggers below them, log.
	 * @param loggerNames the names of the loggers, such as a package
	 * @return the extension, to register with {@code @RegisterExtension}
	 */
	public static ExpectedLogs ofLoggers(String... loggerNames) {
		return new ExpectedLogs(List.of(loggerNames));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.events.clear();
		this.inspected = false;
		active.add(this);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		active.remove(this);
		if (!this.inspected && !this.events.isEmpty()) {
			System.out.println("Logged during " + context.getDisplayName() + " and not asserted by the test:");
			this.events.forEach((event) -> System.out.println("  " + describe(event)));
		}
	}

	/**
	 * Returns the events logged so far during the current test, oldest first.
	 * @return the events
	 */
	public List<ILoggingEvent> events() {
		this.inspected = true;
		return List.copyOf(this.events);
	}

	/**
	 * Returns the formatted messages logged so far at the given level or above.
	 * @param threshold the lowest level to include
	 * @return the messages, oldest first
	 */
	public List<String> messages(Level threshold) {
		this.inspected = true;
		return this.events.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(threshold))
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	/**
	 * Returns everything logged so far as a user reads it, one event a line: level,
	 * logger, message and, for an event with an exception, the exception's class and
	 * message and those of its causes (without stack frames).
	 * @return the text
	 */
	public String text() {
		this.inspected = true;
		return this.events.stream().map(ExpectedLogs::describe).collect(Collectors.joining("\n"));
	}

	/**
	 * Records the event if a test expects it.
	 * @param event the event
	 * @return whether the event was recorded, and so is to be kept off the console
	 */
	static boolean record(ILoggingEvent event) {
		for (ExpectedLogs logs : active) {
			if (event.getLevel().isGreaterOrEqual(Level.WARN) && logs.expects(event.getLoggerName())) {
				event.prepareForDeferredProcessing();
				logs.events.add(event);
				return true;
			}
		}
		return false;
	}

	private boolean expects(String loggerName) {
		for (String name : this.loggerNames) {
			if (loggerName.equals(name) || (loggerName.startsWith(name)
					&& (loggerName.charAt(name.length()) == '.' || loggerName.charAt(name.length()) == '$'))) {
				return true;
			}
		}
		return false;
	}

	private static String describe(ILoggingEvent event) {
		StringBuilder text = new StringBuilder().append(event.getLevel())
			.append(' ')
			.append(event.getLoggerName())
			.append(" - ")
			.append(event.getFormattedMessage());
		for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
			text.append(" [").append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append(']');
		}
		return text.toString();
	}

}
