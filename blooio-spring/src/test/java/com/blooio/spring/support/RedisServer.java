package com.blooio.spring.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis server for the tests of one class: Debian's {@code redis-server} on a free
 * port of 127.0.0.1, in memory only (no RDB or AOF files), started before the class's
 * tests once it answers {@code PING}, and stopped after them. Register it as a static
 * extension:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final RedisServer redis = new RedisServer();
 * </pre>
 *
 * Without {@code redis-server} on the {@code PATH} the class's tests are skipped, unless
 * the environment variable {@value #REQUIRE_SERVERS} is {@code true} (CI sets it): then
 * they fail, so that a build meant to test against real servers cannot pass without.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	/** Environment variable that turns a missing server from a skip into a failure. */
	public static final String REQUIRE_SERVERS = "BLOOIO_TEST_REQUIRE_SERVERS";

	private static final String EXECUTABLE = "redis-server";

	private static final String HOST = "127.0.0.1";

	private static final int START_ATTEMPTS = 3;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private Process process;

	private Path log;

	private int port;

	/**
	 * Test classes using the running server: a {@code @Nested} class calls the outer
	 * class's static extension again, and must share its server rather than start (and
	 * leak) another.
	 */
	private int users;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (this.process == null) {
			start(context.getDisplayName());
		}
		this.users++;
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
		if (this.users > 0 && --this.users == 0) {
			stop();
		}
	}

	/**
	 * Returns the address the server listens on.
	 * @return {@code 127.0.0.1}
	 */
	public String getHost() {
		return HOST;
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port, once started
	 */
	public int getPort() {
		assertStarted();
		return this.port;
	}

	/**
	 * Returns the server's URL, as {@code spring.data.redis.url} takes it.
	 * @return {@code redis://127.0.0.1:port}
	 */
	public String getUrl() {
		return "redis://" + HOST + ":" + getPort();
	}

	private void start(String testClass) throws IOException {
		Path executable = findOnPath();
		if (executable == null) {
			String message = EXECUTABLE + " is not on the PATH; install it with: apt-get install -y redis-server";
			if (Boolean.parseBoolean(System.getenv(REQUIRE_SERVERS))) {
				Assertions.fail(message + " (" + REQUIRE_SERVERS + "=true: real servers are required)");
			}
			// Surefire counts a class skipped before its first test as nothing at all
			System.err.println("Skipping " + testClass + ": " + message);
			Assumptions.abort(message);
			return;
		}
		for (int attempt = 1;; attempt++) {
			int candidate = freePort();
			Path candidateLog = Files.createTempFile("redis-server-" + candidate + "-", ".log");
			Process started = new ProcessBuilder(executable.toString(), "--port", Integer.toString(candidate), "--bind",
					HOST, "--save", "", "--appendonly", "no", "--dir", candidateLog.getParent().toString())
				.redirectErrorStream(true)
				.redirectOutput(candidateLog.toFile())
				.start();
			Awaitility.await("redis-server on port " + candidate + " answering PING")
				.atMost(START_TIMEOUT)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(10))
				.until(() -> !started.isAlive() || answersPing(candidate));
			if (started.isAlive()) {
				this.process = started;
				this.log = candidateLog;
				this.port = candidate;
				return;
			}
			// most likely another process took the port between the probe and the bind
			String output = Files.readString(candidateLog);
			Files.deleteIfExists(candidateLog);
			if (attempt == START_ATTEMPTS) {
				throw new IllegalStateException(
						"redis-server exited on start " + START_ATTEMPTS + " times; last output:\n" + output);
			}
		}
	}

	private void stop() throws IOException, InterruptedException {
		Process started = this.process;
		if (started == null) {
			return;
		}
		this.process = null;
		// SIGTERM: a server that persists nothing shuts down at once
		started.destroy();
		if (!started.waitFor(10, TimeUnit.SECONDS)) {
			started.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		Files.deleteIfExists(this.log);
	}

	private void assertStarted() {
		if (this.process == null) {
			throw new IllegalStateException("The Redis server is not running: register it with @RegisterExtension");
		}
	}

	private static Path findOnPath() {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isEmpty()) {
				Path candidate = Path.of(directory, EXECUTABLE);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
	}

	private static boolean answersPing(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 500);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			return "+PONG".equals(in.readLine());
		}
		catch (IOException ex) {
			return false;
		}
	}

}
