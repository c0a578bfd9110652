package com.blooio.spring.autoconfigure.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Records what is logged at ERROR (Logback, where Spring logs) or SEVERE (JUL, where an
 * embedded Tomcat logs) while it is open, from any thread.
 */
public final class ErrorLogRecorder implements AutoCloseable {

	private final List<String> errors = new CopyOnWriteArrayList<>();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR)) {
				ErrorLogRecorder.this.errors.add(event.getLoggerName() + ": " + event.getFormattedMessage());
			}
		}

	};

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
				ErrorLogRecorder.this.errors.add(record.getLoggerName() + ": " + record.getMessage());
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private ErrorLogRecorder() {
		this.appender.start();
		rootLogger().addAppender(this.appender);
		java.util.logging.Logger.getLogger("").addHandler(this.handler);
	}

	public static ErrorLogRecorder start() {
		return new ErrorLogRecorder();
	}

	public List<String> errors() {
		return List.copyOf(this.errors);
	}

	@Override
	public void close() {
		java.util.logging.Logger.getLogger("").removeHandler(this.handler);
		rootLogger().detachAppender(this.appender);
		this.appender.stop();
	}

	private static Logger rootLogger() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
