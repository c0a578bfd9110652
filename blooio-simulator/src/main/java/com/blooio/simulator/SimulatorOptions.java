package com.blooio.simulator;

import org.jspecify.annotations.Nullable;

/**
 * What the command line asked for.
 *
 * @param help whether to print the usage and exit
 * @param host the address to listen on
 * @param port the port, 0 for a free one
 * @param apiKey the API key the simulator accepts
 * @param webhookUrl a receiver to subscribe at start, or {@code null}
 * @param webhookSecret the receiver's signing secret, or {@code null} to generate one
 */
record SimulatorOptions(boolean help, String host, int port, String apiKey, @Nullable String webhookUrl,
		@Nullable String webhookSecret) {

	/** The port when none is given. */
	static final int DEFAULT_PORT = 4010;

	/** The address when none is given: only this machine can reach the simulator. */
	static final String DEFAULT_HOST = "127.0.0.1";

	/**
	 * The API key when none is given, fixed so that scripts can hard-code it. The
	 * simulator's own test key, which grants nothing anywhere else.
	 */
	static final String DEFAULT_API_KEY = "bl_sim_test_key";

}
