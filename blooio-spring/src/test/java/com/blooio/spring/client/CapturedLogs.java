package com.blooio.spring.client;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Records what one logger (and its children) logs during a test, at the level given,
 * whatever the logging configuration of the build.
 */
final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {

	private final String loggerName;

	private final Level level;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	CapturedLogs(String loggerName, Level level) {
		this.loggerName = loggerName;
		this.level = level;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Logger logger = logger();
		this.previousLevel = logger.getLevel();
		logger.setLevel(this.level);
		this.appender.list.clear();
		this.appender.start();
		logger.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Logger logger = logger();
		logger.detachAppender(this.appender);
		this.appender.stop();
		logger.setLevel(this.previousLevel);
	}

	/**
	 * Returns the formatted messages logged so far, oldest first.
	 * @return the messages
	 */
	List<String> messages() {
		return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	/**
	 * Returns the levels of the events logged so far, oldest first.
	 * @return the levels
	 */
	List<Level> levels() {
		return this.appender.list.stream().map(ILoggingEvent::getLevel).toList();
	}

	/**
	 * Returns everything logged so far as one text.
	 * @return the text
	 */
	String text() {
		return String.join("\n", messages());
	}

	private Logger logger() {
		return (Logger) LoggerFactory.getLogger(this.loggerName);
	}

}
