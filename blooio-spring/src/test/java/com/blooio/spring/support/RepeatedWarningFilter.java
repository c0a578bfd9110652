package com.blooio.spring.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Logback filter for the console appender of the tests: denies the events of loggers
 * under a prefix whose message starts with a given text. It is meant for a warning that
 * only repeats what a test already asserts, such as Spring's "cancelling refresh attempt"
 * before it rethrows the startup failure that a test of a failing context checks; a
 * warning worded otherwise still reaches the console.
 *
 * <pre class="code">
 * &lt;filter class="com.blooio.spring.support.RepeatedWarningFilter"&gt;
 *     &lt;loggerPrefix&gt;org.springframework.&lt;/loggerPrefix&gt;
 *     &lt;messageStart&gt;Exception encountered during context initialization&lt;/messageStart&gt;
 * &lt;/filter&gt;
 * </pre>
 */
public final class RepeatedWarningFilter extends Filter<ILoggingEvent> {

	private String loggerPrefix = "";

	private String messageStart = "";

	public void setLoggerPrefix(String loggerPrefix) {
		this.loggerPrefix = loggerPrefix;
	}

	public void setMessageStart(String messageStart) {
		this.messageStart = messageStart;
	}

	@Override
	public FilterReply decide(ILoggingEvent event) {
		boolean repeated = !this.messageStart.isEmpty() && event.getLoggerName().startsWith(this.loggerPrefix)
				&& event.getMessage() != null && event.getMessage().startsWith(this.messageStart);
		return repeated ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

}
