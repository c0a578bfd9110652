package com.blooio.benchmarks.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lines a benchmark process prints for the runner: {@code RESULT k=v ...} lines carry
 * numbers, {@code READY k=v ...} says a server listens, {@code > text} is progress shown
 * to the user. Everything else only goes to the process's log file.
 */
public final class Report {

	/** Prefix of a result line. */
	public static final String RESULT = "RESULT";

	/** Prefix of a line saying a server is ready. */
	public static final String READY = "READY";

	/** Prefix of a progress line. */
	public static final String PROGRESS = "> ";

	private Report() {
	}

	/**
	 * Prints a result line.
	 * @param keyValues alternating keys and values; values must not contain spaces
	 */
	public static void result(Object... keyValues) {
		System.out.println(line(RESULT, keyValues));
		System.out.flush();
	}

	/**
	 * Prints a ready line.
	 * @param keyValues alternating keys and values
	 */
	public static void ready(Object... keyValues) {
		System.out.println(line(READY, keyValues));
		System.out.flush();
	}

	/**
	 * Prints a progress line.
	 * @param message the message
	 */
	public static void progress(String message) {
		System.out.println(PROGRESS + message);
		System.out.flush();
	}

	private static String line(String prefix, Object... keyValues) {
		if (keyValues.length % 2 != 0) {
			throw new IllegalArgumentException("Keys and values must come in pairs");
		}
		StringBuilder line = new StringBuilder(prefix);
		for (int i = 0; i < keyValues.length; i += 2) {
			line.append(' ').append(keyValues[i]).append('=').append(keyValues[i + 1]);
		}
		return line.toString();
	}

	/**
	 * Parses the key-value pairs of a line printed by {@link #result} or {@link #ready}.
	 * @param line the line, prefix included
	 * @return the pairs in order
	 */
	public static Map<String, String> parse(String line) {
		Map<String, String> values = new LinkedHashMap<>();
		String[] parts = line.trim().split("\\s+");
		for (int i = 1; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			if (equals > 0) {
				values.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
			}
		}
		return values;
	}

	/**
	 * Formats a number with one decimal, without grouping, as results carry it.
	 * @param value the value
	 * @return the text
	 */
	public static String decimal(double value) {
		return String.format(java.util.Locale.ROOT, "%.1f", value);
	}

}
