package com.blooio.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the numbers were measured on: cores, CPU, memory, JDK, OS, date and load.
 */
final class MachineInfo {

	private MachineInfo() {
	}

	static List<String> describe() {
		List<String> lines = new ArrayList<>();
		lines.add("Date: " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		lines.add("Cores: " + Runtime.getRuntime().availableProcessors() + cpuModel());
		lines.add("Memory: " + totalMemory());
		lines.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
				+ System.getProperty("java.vendor") + ")");
		lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		lines.add("Load average at start: " + loadAverage());
		return lines;
	}

	private static String cpuModel() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
				.findFirst()
				.orElse("");
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private static String totalMemory() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
		}
		return "unknown";
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return (load < 0) ? "unknown" : String.format(Locale.ROOT, "%.2f (1 min)", load);
	}

}
