package com.blooio.benchmarks.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} (Debian's package) started on a free loopback port with no
 * persistence, for the store benchmark; stopped by {@link #close()}.
 */
public final class RedisProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private RedisProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a server and waits until it answers {@code PING}.
	 * @param logs where its output goes
	 * @return the running server
	 */
	public static RedisProcess start(Path logs) {
		int port = freePort();
		try {
			Files.createDirectories(logs);
			Process process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction"))
				.redirectErrorStream(true)
				.redirectOutput(logs.resolve("redis-server.log").toFile())
				.start();
			RedisProcess redis = new RedisProcess(process, port);
			redis.awaitPong(Duration.ofSeconds(20));
			return redis;
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Could not start redis-server (install it: apt-get install -y redis-server)", ex);
		}
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	private void awaitPong(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server exited with " + this.process.exitValue());
			}
			if (answersPing()) {
				return;
			}
			try {
				// the server process gives no signal when it is ready but its answer
				this.process.waitFor(20, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("redis-server did not answer PING within " + timeout);
	}

	private boolean answersPing() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = in.readNBytes(7);
			return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
