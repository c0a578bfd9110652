package com.blooio.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import com.blooio.benchmarks.inbound.InboundServerApp;
import com.blooio.benchmarks.inbound.WebhookLoadGenerator;
import com.blooio.benchmarks.memory.MemoryBenchmark;
import com.blooio.benchmarks.outbound.OutboundBenchmark;
import com.blooio.benchmarks.outbound.SendStubServer;
import com.blooio.benchmarks.startup.StartupProbe;
import com.blooio.benchmarks.support.Args;

/**
 * Runs every benchmark part, one after the other, each in fresh JVMs, and prints one
 * summary table (also written to {@code target/benchmark-results.md}).
 * <p>
 * Options: {@code --quick} for a smoke run of a minute or two; {@code --only=a,b} with
 * parts {@code outbound,inbound,micro,startup,memory}; {@code --jfr} to record the
 * outbound client and the inbound servers with Flight Recorder into {@code target/jfr/};
 * {@code --inbound-targets=all} (or target names separated by commas) to compare the
 * pipeline-stage routes too. Exits with 1 when a part could not run or its result is
 * invalid (errors, lost events), 0 otherwise, whether or not targets were met.
 */
public final class BenchmarkRunner {

	private static final List<String> PARTS = List.of("outbound", "inbound", "stores", "micro", "startup", "memory");

	private static final Path TARGET = Path.of("target");

	private static final Path LOGS = TARGET.resolve("benchmark-logs");

	private final Settings settings;

	private final SummaryTable table = new SummaryTable();

	private final String inboundTargets;

	private BenchmarkRunner(Settings settings, String inboundTargets) {
		this.settings = settings;
		this.inboundTargets = inboundTargets;
	}

	public static void main(String[] arguments) {
		Args args = Args.parse(arguments);
		List<String> parts = Arrays.stream(args.get("only", String.join(",", PARTS)).split(","))
			.map(String::trim)
			.toList();
		for (String part : parts) {
			if (!PARTS.contains(part)) {
				throw new IllegalArgumentException("Unknown part '" + part + "'; parts are " + PARTS);
			}
		}
		Settings defaults = args.flag("quick") ? Settings.quick(args.flag("jfr")) : Settings.full(args.flag("jfr"));
		Settings settings = defaults.with(args.getInt("warmup", defaults.warmupSeconds),
				args.getInt("duration", defaults.durationSeconds), args.getInt("rounds", defaults.rounds),
				args.getInt("startup-runs", defaults.startupRuns));
		System.exit(new BenchmarkRunner(settings, args.get("inbound-targets", "default")).run(parts));
	}

	private int run(List<String> parts) {
		List<String> machine = MachineInfo.describe();
		System.out
			.println("Blooio starter benchmarks" + (this.settings.quick ? " (--quick: smoke run, not numbers)" : ""));
		machine.forEach((line) -> System.out.println("  " + line));
		long start = System.nanoTime();
		for (String part : PARTS) {
			if (!parts.contains(part)) {
				continue;
			}
			System.out.println("== " + part);
			try {
				switch (part) {
					case "outbound" -> outbound();
					case "inbound" -> inbound();
					case "stores" -> stores();
					case "micro" -> micro();
					case "startup" -> startup();
					case "memory" -> memory();
					default -> throw new IllegalStateException(part);
				}
			}
			catch (RuntimeException ex) {
				ex.printStackTrace();
				this.table.add(title(part), "could not run: " + ex.getMessage(), "", "", "", "", "INVALID");
			}
		}
		String elapsed = String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - start) / 60e9);
		String summary = this.table.render();
		System.out.println();
		System.out.println(summary);
		System.out.println("Total time: " + elapsed);
		writeResults(machine, summary, elapsed);
		return this.table.hasInvalid() ? 1 : 0;
	}

	private void outbound() {
		Settings s = this.settings;
		try (ChildJvm stub = ChildJvm.start("outbound-stub", LOGS, List.of("-Xms512m", "-Xmx512m"),
				SendStubServer.class, List.of())) {
			String port = stub.awaitReady(Duration.ofMinutes(1)).get("port");
			List<String> args = List.of("--port=" + port, "--levels=1,64,256", "--warmup=" + s.warmupSeconds,
					"--duration=" + s.durationSeconds, "--rounds=" + s.rounds);
			try (ChildJvm bench = ChildJvm.start("outbound", LOGS, jvmOptions("outbound", "-Xms1g", "-Xmx1g"),
					OutboundBenchmark.class, args)) {
				List<Map<String, String>> results = bench.awaitResults(s.timeout(5));
				for (String level : List.of("1", "64", "256")) {
					List<Map<String, String>> atLevel = results.stream()
						.filter((result) -> level.equals(result.get("concurrency")))
						.toList();
					addComparisonRows("Outbound", "sends/s, concurrency " + level, atLevel, "template", "raw", 0.90,
							atLevel.stream().allMatch((result) -> number(result, "targetErrors") == 0));
				}
			}
		}
	}

	/**
	 * Adds the row comparing the starter with the baseline, and an info row for every
	 * diagnostic target.
	 */
	private void addComparisonRows(String part, String measured, List<Map<String, String>> results, String starter,
			String baseline, double target, boolean valid) {
		addComparisonRows(part, measured, measured, results, starter, baseline, target, valid);
	}

	/**
	 * Adds the row comparing the starter with the baseline, and an info row for every
	 * other target, described as {@code <target>, <diagnosticMeasured>}.
	 */
	private void addComparisonRows(String part, String measured, String diagnosticMeasured,
			List<Map<String, String>> results, String starter, String baseline, double target, boolean valid) {
		Map<String, Map<String, String>> byTarget = new LinkedHashMap<>();
		results.forEach((result) -> byTarget.put(result.get("target"), result));
		Map<String, String> starterResult = byTarget.get(starter);
		Map<String, String> baselineResult = byTarget.get(baseline);
		if (starterResult == null || baselineResult == null) {
			throw new IllegalStateException("No results for " + measured + ": " + results);
		}
		this.table.add(part, measured, side(starterResult, "target"), side(baselineResult, "target"),
				ratio(starterResult), String.format(Locale.ROOT, "≥ %.2f", target),
				verdict(valid, number(starterResult, "ratio") >= target));
		byTarget.forEach((name, result) -> {
			if (!name.equals(starter) && !name.equals(baseline)) {
				this.table.add(part + " (diagnostic)", name + ", " + diagnosticMeasured, side(result, "target"),
						side(baselineResult, "target"), ratio(result), "–", "info");
			}
		});
	}

	private void inbound() {
		Settings s = this.settings;
		for (String stack : List.of("webflux", "servlet")) {
			try (ChildJvm server = ChildJvm.start("inbound-" + stack + "-server", LOGS,
					jvmOptions("inbound-" + stack, "-Xms1g", "-Xmx1g"), InboundServerApp.class,
					List.of("--stack=" + stack))) {
				String port = server.awaitReady(Duration.ofMinutes(2)).get("port");
				List<String> args = List.of("--stack=" + stack, "--port=" + port,
						"--concurrency=" + s.inboundConcurrency, "--warmup=" + s.warmupSeconds,
						"--duration=" + s.durationSeconds, "--rounds=" + s.rounds, "--targets=" + this.inboundTargets);
				try (ChildJvm load = ChildJvm.start("inbound-" + stack + "-load", LOGS, List.of("-Xms512m", "-Xmx512m"),
						WebhookLoadGenerator.class, args)) {
					addInboundRows(stack, load.awaitResults(s.timeout(6)));
				}
			}
		}
	}

	/**
	 * The endpoint with each de-duplication store (WebFlux, the routes of
	 * {@code StoreRoutes}, in one server that starts a Redis and a PostgreSQL): the
	 * shared stores against the in-memory one.
	 */
	private void stores() {
		Settings s = this.settings;
		try (ChildJvm server = ChildJvm.start("stores-server", LOGS, jvmOptions("stores", "-Xms1g", "-Xmx1g"),
				InboundServerApp.class, List.of("--stack=webflux", "--stores"))) {
			String port = server.awaitReady(Duration.ofMinutes(3)).get("port");
			List<String> args = List.of("--stack=webflux", "--port=" + port, "--concurrency=" + s.inboundConcurrency,
					"--warmup=" + s.warmupSeconds, "--duration=" + s.durationSeconds, "--rounds=" + s.rounds,
					"--targets=store-memory,store-redis,store-jdbc", "--baseline=store-memory");
			try (ChildJvm load = ChildJvm.start("stores-load", LOGS, List.of("-Xms512m", "-Xmx512m"),
					WebhookLoadGenerator.class, args)) {
				List<Map<String, String>> results = load.awaitResults(s.timeout(6));
				boolean valid = results.stream()
					.allMatch((result) -> number(result, "targetErrors") == 0
							&& number(result, "published") == number(result, "expectedPublished"));
				String setting = "WebFlux, concurrency " + s.inboundConcurrency;
				addComparisonRows("Stores", "deliveries/s with Redis vs in memory, " + setting,
						"deliveries/s vs in memory, " + setting, results, "store-redis", "store-memory", 0.60, valid);
			}
		}
	}

	private void addInboundRows(String stack, List<Map<String, String>> results) {
		boolean valid = results.stream()
			.allMatch((result) -> number(result, "targetErrors") == 0
					&& number(result, "published") == number(result, "expectedPublished"));
		String name = stack.equals("webflux") ? "WebFlux (Netty)" : "servlet (Tomcat)";
		addComparisonRows("Inbound", "deliveries/s, " + name + ", concurrency " + this.settings.inboundConcurrency,
				results, "webhook", "bare", 0.80, valid);
	}

	private void micro() {
		Settings s = this.settings;
		System.out.println("    JMH with -prof gc (log: " + LOGS.resolve("jmh.log") + ")");
		try {
			Files.createDirectories(LOGS);
			Options options = new OptionsBuilder().include(Pattern.quote("com.blooio.benchmarks.micro.") + ".*")
				.forks(1)
				.warmupIterations(s.jmhWarmupIterations)
				.warmupTime(TimeValue.seconds(s.jmhSeconds))
				.measurementIterations(s.jmhIterations)
				.measurementTime(TimeValue.seconds(s.jmhSeconds))
				.jvmArgs("-Xms1g", "-Xmx1g")
				.addProfiler(GCProfiler.class)
				.shouldFailOnError(true)
				.output(LOGS.resolve("jmh.log").toString())
				.build();
			Collection<RunResult> results = new Runner(options).run();
			for (RunResult result : results) {
				BenchmarkParams params = result.getParams();
				String benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
				Result<?> primary = result.getPrimaryResult();
				double allocated = result.getSecondaryResults()
					.entrySet()
					.stream()
					.filter((entry) -> entry.getKey().endsWith("gc.alloc.rate.norm"))
					.mapToDouble((entry) -> entry.getValue().getScore())
					.findFirst()
					.orElse(Double.NaN);
				String error = Double.isNaN(primary.getScoreError()) ? "?"
						: String.format(Locale.ROOT, "%,.0f", primary.getScoreError());
				String measured = String.format(Locale.ROOT, "%,.0f ± %s ns/op, %,.0f B/op", primary.getScore(), error,
						allocated);
				this.table.add("Micro (JMH)", describeMicro(benchmark, params.getThreads()), measured, "–", "–", "–",
						"info");
			}
		}
		catch (RunnerException | IOException ex) {
			throw new IllegalStateException("JMH failed: " + ex.getMessage(), ex);
		}
	}

	private static String describeMicro(String benchmark, int threads) {
		String body = ", 1 KB body";
		return switch (benchmark) {
			case "verifySignature" -> "signature verification" + body;
			case "parseEvent" -> "event parsing (unsigned handler, no-op store)" + body;
			case "handleDelivery" -> "verify + parse + publish (handler, no-op store)" + body;
			case "handleDeliveryThroughSpringContext" ->
				"verify + parse + publish through a Spring context to one listener (no-op store)" + body;
			case "claimAndComplete", "claimAndCompleteContended" ->
				"de-duplication claim + complete, full store, " + threads + " thread" + ((threads > 1) ? "s" : "");
			default -> benchmark + ", " + threads + " thread(s)";
		};
	}

	private void startup() {
		Settings s = this.settings;
		List<String> variants = List.of("with", "without", "webclient");
		Map<String, List<Double>> refresh = new LinkedHashMap<>();
		Map<String, List<Double>> run = new LinkedHashMap<>();
		Map<String, List<Double>> refreshCpu = new LinkedHashMap<>();
		variants.forEach((variant) -> {
			refresh.put(variant, new ArrayList<>());
			run.put(variant, new ArrayList<>());
			refreshCpu.put(variant, new ArrayList<>());
		});
		System.out.println("    " + s.startupRuns + " start-ups per variant " + variants
				+ ", rotating, after one discarded round");
		List<String> order = new ArrayList<>(variants);
		for (int i = 0; i <= s.startupRuns; i++) {
			for (String variant : order) {
				Map<String, String> result;
				try (ChildJvm probe = ChildJvm.start("startup-" + variant, LOGS, List.of(), StartupProbe.class,
						List.of("--variant=" + variant))) {
					result = probe.awaitResults(Duration.ofMinutes(2)).get(0);
				}
				if (i > 0) {
					refresh.get(variant).add(number(result, "refreshMs"));
					run.get(variant).add(number(result, "runMs"));
					refreshCpu.get(variant).add(number(result, "refreshCpuMs"));
				}
			}
			order.add(order.remove(0));
		}
		double addedRefresh = median(refresh.get("with")) - median(refresh.get("without"));
		double addedRun = median(run.get("with")) - median(run.get("without"));
		String runs = ", median of " + s.startupRuns;
		String excluded = " (Blooio excluded)";
		this.table.add("Start-up", "context refresh" + runs, millis(median(refresh.get("with"))),
				millis(median(refresh.get("without"))) + excluded, signedMillis(addedRefresh), "< 50 ms added",
				verdict(true, addedRefresh < 50));
		this.table.add("Start-up", "SpringApplication.run" + runs, millis(median(run.get("with"))),
				millis(median(run.get("without"))) + excluded, signedMillis(addedRun), "–", "info");
		this.table.add("Start-up (diagnostic)",
				"context refresh, median of the " + s.startupRuns
						+ " per-round differences (each round starts every variant once)",
				"–", "–", signedMillis(median(differences(refresh.get("with"), refresh.get("without")))), "–", "info");
		this.table.add("Start-up (diagnostic)", "context refresh, main-thread CPU time" + runs,
				millis(median(refreshCpu.get("with"))), millis(median(refreshCpu.get("without"))) + excluded,
				signedMillis(median(refreshCpu.get("with")) - median(refreshCpu.get("without"))), "–", "info");
		this.table.add("Start-up (diagnostic)", "context refresh" + runs + ", baseline builds its own WebClient",
				millis(median(refresh.get("with"))),
				millis(median(refresh.get("webclient"))) + excluded + " + WebClient",
				signedMillis(median(refresh.get("with")) - median(refresh.get("webclient"))), "–", "info");
	}

	private static List<Double> differences(List<Double> values, List<Double> baselines) {
		List<Double> differences = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			differences.add(values.get(i) - baselines.get(i));
		}
		return differences;
	}

	private void memory() {
		Settings s = this.settings;
		List<Map<String, String>> results;
		try (ChildJvm memory = ChildJvm.start("memory", LOGS, List.of("-Xms1g", "-Xmx1g"), MemoryBenchmark.class,
				List.of("--first=" + s.memoryFirst, "--last=" + s.memoryLast))) {
			results = memory.awaitResults(Duration.ofMinutes(5));
		}
		Map<String, String> started = results.get(0);
		Map<String, String> first = results.get(1);
		Map<String, String> last = results.get(2);
		double maxEntries = number(last, "maxEntries");
		double growth = number(last, "heapBytes") - number(first, "heapBytes");
		boolean bounded = number(first, "storeSize") <= maxEntries && number(last, "storeSize") <= maxEntries
				&& growth < 2 * 1024 * 1024;
		boolean valid = number(last, "published") == s.memoryLast;
		this.table.add("Memory",
				String.format(Locale.ROOT, "live heap after %,d / %,d deliveries", s.memoryFirst, s.memoryLast),
				megabytes(number(first, "heapBytes")) + " / " + megabytes(number(last, "heapBytes"))
						+ String.format(Locale.ROOT, " (store %,.0f / %,.0f entries)", number(first, "storeSize"),
								number(last, "storeSize")),
				megabytes(number(started, "heapBytes")) + " after start-up", signedMegabytes(growth),
				String.format(Locale.ROOT, "store ≤ %,.0f; growth < 2 MB", maxEntries), verdict(valid, bounded));
	}

	private List<String> jvmOptions(String name, String... options) {
		List<String> all = new ArrayList<>(List.of(options));
		if (this.settings.jfr) {
			Path recording = TARGET.resolve("jfr").resolve(name + ".jfr").toAbsolutePath();
			try {
				Files.createDirectories(recording.getParent());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			all.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
		}
		return all;
	}

	private void writeResults(List<String> machine, String summary, String elapsed) {
		StringBuilder text = new StringBuilder("# Blooio starter benchmark results\n\n");
		if (this.settings.quick) {
			text.append("**--quick smoke run: too short for real numbers.**\n\n");
		}
		machine.forEach((line) -> text.append("- ").append(line).append('\n'));
		text.append("- Total time: ").append(elapsed).append("\n\n").append(summary);
		Path file = TARGET.resolve("benchmark-results.md");
		try {
			Files.createDirectories(TARGET);
			Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
			System.out.println("Written to " + file.toAbsolutePath());
		}
		catch (IOException ex) {
			System.err.println("Could not write " + file + ": " + ex);
		}
	}

	private static String title(String part) {
		return Character.toUpperCase(part.charAt(0)) + part.substring(1);
	}

	private static double number(Map<String, String> result, String key) {
		String value = result.get(key);
		if (value == null) {
			throw new IllegalStateException("Result has no " + key + ": " + result);
		}
		return Double.parseDouble(value);
	}

	private static String side(Map<String, String> result, String side) {
		return String.format(Locale.ROOT, "%,.0f/s (p50 %s, p99 %s µs; CPU %s µs/req)", number(result, side + "Rps"),
				trim(result.get(side + "P50us")), trim(result.get(side + "P99us")), trim(result.get(side + "CpuUs")));
	}

	private static String trim(String micros) {
		double value = Double.parseDouble(micros);
		return (value >= 100) ? String.format(Locale.ROOT, "%,.0f", value) : micros;
	}

	private static String ratio(Map<String, String> result) {
		return String.format(Locale.ROOT, "%.2f (rounds %.2f–%.2f); CPU/req ×%.2f", number(result, "ratio"),
				number(result, "minRatio"), number(result, "maxRatio"), number(result, "cpuRatio"));
	}

	private static String verdict(boolean valid, boolean met) {
		if (!valid) {
			return "INVALID";
		}
		return met ? "PASS" : "MISS";
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String millis(double value) {
		return String.format(Locale.ROOT, "%.0f ms", value);
	}

	private static String signedMillis(double value) {
		return String.format(Locale.ROOT, "%+.0f ms", value);
	}

	private static String megabytes(double bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
	}

	private static String signedMegabytes(double bytes) {
		return String.format(Locale.ROOT, "%+.2f MB", bytes / (1024 * 1024));
	}

	/**
	 * How long and how much to measure.
	 */
	private record Settings(boolean quick, boolean jfr, int warmupSeconds, int durationSeconds, int rounds,
			int inboundConcurrency, int startupRuns, int memoryFirst, int memoryLast, int jmhWarmupIterations,
			int jmhIterations, int jmhSeconds) {

		static Settings full(boolean jfr) {
			return new Settings(false, jfr, 10, 7, 3, 64, 25, 10_000, 100_000, 3, 5, 2);
		}

		static Settings quick(boolean jfr) {
			return new Settings(true, jfr, 2, 2, 1, 64, 3, 10_000, 100_000, 1, 2, 1);
		}

		Settings with(int warmupSeconds, int durationSeconds, int rounds, int startupRuns) {
			return new Settings(this.quick, this.jfr, warmupSeconds, durationSeconds, rounds, this.inboundConcurrency,
					startupRuns, this.memoryFirst, this.memoryLast, this.jmhWarmupIterations, this.jmhIterations,
					this.jmhSeconds);
		}

		/**
		 * Generous time limit for a load process measuring the given number of levels.
		 */
		Duration timeout(int levels) {
			int perLevel = this.warmupSeconds * 2 + this.durationSeconds * 2 * this.rounds;
			return Duration.ofSeconds(120 + this.warmupSeconds * 4 + (long) levels * perLevel * 2);
		}

	}

}
