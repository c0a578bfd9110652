package com.blooio.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.BlooioSimulator;

/**
 * Runs the Blooio simulator as a standalone server, so that tests in any language can use
 * it: <pre class="code">
 * java -jar blooio-simulator.jar --port 4010
 * </pre> The first line it prints is {@code Blooio simulator listening on
 * http://127.0.0.1:4010 (API key bl_sim_test_key)}; Ctrl-C or SIGTERM stops it. A bad
 * command line exits with status 2, a port that cannot be bound with 1. {@code --help}
 * lists the options.
 *
 * @since 0.1.0
 */
public final class BlooioSimulatorMain {

	/** Exit status for a command line that cannot be used. */
	static final int USAGE_ERROR = 2;

	/** Exit status when the simulator cannot start, e.g. on a port in use. */
	static final int START_ERROR = 1;

	private BlooioSimulatorMain() {
	}

	/**
	 * Starts the simulator and serves until the JVM is stopped.
	 * @param args the command line, see {@code --help}
	 * @throws InterruptedException if the main thread is interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		Launch launch = launch(args, System.out, System.err);
		BlooioSimulator simulator = launch.simulator();
		if (simulator == null) {
			System.exit(launch.exitStatus());
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			System.out.println("Blooio simulator stopped");
			stopped.countDown();
		}, "blooio-simulator-shutdown"));
		stopped.await();
	}

	/**
	 * Reads the command line and starts the simulator, printing what a user or a script
	 * needs on {@code out} and what went wrong on {@code err}.
	 * @param args the command line
	 * @param out where the start line and the help go
	 * @param err where errors go
	 * @return the running simulator, or the exit status when none was started
	 */
	static Launch launch(String[] args, PrintStream out, PrintStream err) {
		SimulatorOptions options;
		try {
			options = SimulatorCommandLine.parse(args);
		}
		catch (CommandLineException ex) {
			err.println("blooio-simulator: " + ex.getMessage());
			err.println("Run java -jar blooio-simulator.jar --help to see the options.");
			return new Launch(null, USAGE_ERROR);
		}
		if (options.help()) {
			out.print(SimulatorCommandLine.USAGE);
			return new Launch(null, 0);
		}
		BlooioSimulator simulator;
		try {
			simulator = BlooioSimulator.builder()
				.host(options.host())
				.port(options.port())
				.apiKey(options.apiKey())
				.start();
		}
		catch (UncheckedIOException ex) {
			err.println("blooio-simulator: " + ex.getMessage() + ": " + ex.getCause().getMessage());
			return new Launch(null, START_ERROR);
		}
		String root = simulator.baseUrl().substring(0, simulator.baseUrl().length() - "/v2/api".length());
		// The simulator's own test key, not a secret of its user: scripts read it from
		// here.
		out.println("Blooio simulator listening on " + root + " (API key " + simulator.apiKey() + ")");
		out.println("  v2 API " + simulator.baseUrl() + ", v4 API " + simulator.v4BaseUrl() + ", control API " + root
				+ "/simulator/");
		if (options.webhookUrl() != null) {
			subscribe(simulator, options.webhookUrl(), options.webhookSecret(), out);
		}
		out.flush();
		return new Launch(simulator, 0);
	}

	private static void subscribe(BlooioSimulator simulator, String url, @Nullable String givenSecret,
			PrintStream out) {
		// generated once, so that the receiver keeps the same secret across resets
		String secret = (givenSecret != null) ? givenSecret : "whsec_" + randomHex();
		simulator.keepAcrossResets(() -> simulator.registerWebhook(url, secret));
		// a generated secret is the simulator's, and the receiver needs it; a given one
		// the
		// user knows already and is not repeated
		out.println("  webhooks to " + url + " signed with "
				+ ((givenSecret != null) ? "the given --webhook-secret" : secret));
	}

	private static String randomHex() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * What {@link #launch} did.
	 *
	 * @param simulator the running simulator, or {@code null} when none was started
	 * @param exitStatus the status to exit with when none was started
	 */
	record Launch(@Nullable BlooioSimulator simulator, int exitStatus) {

	}

}
