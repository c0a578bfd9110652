package com.blooio.spring.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Logback filter for the console appender of the tests: denies, and hands to the
 * {@link ExpectedLogs} of the running test, the events that test expects; lets every
 * other event through.
 */
public final class ExpectedLogsFilter extends Filter<ILoggingEvent> {

	@Override
	public FilterReply decide(ILoggingEvent event) {
		return ExpectedLogs.record(event) ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

}
