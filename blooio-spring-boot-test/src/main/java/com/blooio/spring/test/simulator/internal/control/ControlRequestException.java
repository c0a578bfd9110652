package com.blooio.spring.test.simulator.internal.control;

/**
 * A control command the simulator cannot carry out as sent; answered 400 with the
 * message, which says what to send instead.
 */
final class ControlRequestException extends RuntimeException {

	ControlRequestException(String message) {
		super(message);
	}

}
