package com.blooio.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.blooio.benchmarks.support.Report;

/**
 * A benchmark process: a fresh JVM on this JVM's class path running one main class. Its
 * output goes to a log file; {@link Report} lines are picked out of it.
 */
final class ChildJvm implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private final List<Map<String, String>> results = Collections.synchronizedList(new ArrayList<>());

	private final CompletableFuture<Map<String, String>> ready = new CompletableFuture<>();

	private final Thread reader;

	private ChildJvm(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.reader = new Thread(this::readOutput, "output-" + name);
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Starts a JVM.
	 * @param name a short name for the log file and messages
	 * @param logDirectory where the log file goes
	 * @param jvmOptions options of the new JVM
	 * @param mainClass the class to run
	 * @param args the program arguments
	 * @return the running process
	 */
	static ChildJvm start(String name, Path logDirectory, List<String> jvmOptions, Class<?> mainClass,
			List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(args);
		try {
			Files.createDirectories(logDirectory);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			return new ChildJvm(name, process, logDirectory.resolve(name + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	private void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(this.log, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				logFile.println(line);
				logFile.flush();
				if (line.startsWith(Report.RESULT + " ")) {
					this.results.add(Report.parse(line));
				}
				else if (line.startsWith(Report.READY + " ")) {
					this.ready.complete(Report.parse(line));
				}
				else if (line.startsWith(Report.PROGRESS)) {
					System.out.println("    " + line.substring(Report.PROGRESS.length()));
				}
			}
		}
		catch (IOException ex) {
			// the process went away; its exit status tells the rest
		}
		finally {
			this.ready.completeExceptionally(new IllegalStateException(this.name + " ended before it was ready"));
		}
	}

	/**
	 * Waits for the process to print its {@code READY} line.
	 * @param timeout the longest wait
	 * @return the line's values
	 */
	Map<String, String> awaitReady(Duration timeout) {
		try {
			return this.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw failure("did not get ready", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure("was interrupted", ex);
		}
	}

	/**
	 * Waits for the process to exit successfully.
	 * @param timeout the longest wait
	 * @return the result lines it printed
	 */
	List<Map<String, String>> awaitResults(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				close();
				throw failure("timed out after " + timeout.toSeconds() + " s", null);
			}
			this.reader.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure("was interrupted", ex);
		}
		if (this.process.exitValue() != 0) {
			throw failure("exited with " + this.process.exitValue(), null);
		}
		synchronized (this.results) {
			return List.copyOf(this.results);
		}
	}

	private IllegalStateException failure(String what, Throwable cause) {
		return new IllegalStateException(this.name + " " + what + "; see " + this.log.toAbsolutePath(), cause);
	}

	/**
	 * Stops the process if it still runs.
	 */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

}
