package com.blooio.simulator;

/**
 * A command line the simulator cannot start with; the message says what is wrong.
 */
final class CommandLineException extends Exception {

	CommandLineException(String message) {
		super(message);
	}

}
