package com.blooio.benchmarks.support;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line arguments of the form {@code --name=value} or {@code --flag}.
 */
public final class Args {

	private final Map<String, String> values;

	private Args(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Parses arguments.
	 * @param args the arguments
	 * @return the parsed arguments
	 * @throws IllegalArgumentException for an argument not starting with {@code --}
	 */
	public static Args parse(String... args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'; use --name=value");
			}
			int equals = arg.indexOf('=');
			if (equals < 0) {
				values.put(arg.substring(2), "true");
			}
			else {
				values.put(arg.substring(2, equals), arg.substring(equals + 1));
			}
		}
		return new Args(values);
	}

	public String get(String name, String defaultValue) {
		return this.values.getOrDefault(name, defaultValue);
	}

	public String require(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing --" + name);
		}
		return value;
	}

	public int getInt(String name, int defaultValue) {
		String value = this.values.get(name);
		return (value != null) ? Integer.parseInt(value) : defaultValue;
	}

	public boolean flag(String name) {
		return Boolean.parseBoolean(this.values.getOrDefault(name, "false"));
	}

	public List<Integer> getInts(String name, String defaultValue) {
		return Arrays.stream(get(name, defaultValue).split(",")).map(String::trim).map(Integer::valueOf).toList();
	}

}
