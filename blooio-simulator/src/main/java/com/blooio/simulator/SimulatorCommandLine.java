package com.blooio.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the simulator's command line: {@code --option value} or {@code --option=value}.
 */
final class SimulatorCommandLine {

	static final String USAGE = """
			Usage: java -jar blooio-simulator.jar [options]

			Runs a fake of Blooio's v2 API (and the v4 webhook API) for tests, with an HTTP control API
			under /simulator/ to play contacts, inject faults and read what was sent.

			Options:
			  --port <n>               port to listen on, 0 for a free one (default %d)
			  --host <address>         address to listen on (default %s; 0.0.0.0 for every interface)
			  --api-key <key>          the API key the simulator accepts (default %s)
			  --webhook-url <url>      subscribe this receiver to every webhook event at start (and after each reset)
			  --webhook-secret <s>     its signing secret (default: a generated whsec_..., printed at start)
			  -h, --help               print this help

			On start, the first line printed is
			  Blooio simulator listening on http://<host>:<port> (API key <key>)
			Stop it with Ctrl-C or SIGTERM.
			""".formatted(SimulatorOptions.DEFAULT_PORT, SimulatorOptions.DEFAULT_HOST,
			SimulatorOptions.DEFAULT_API_KEY);

	private static final List<String> OPTIONS = List.of("--port", "--host", "--api-key", "--webhook-url",
			"--webhook-secret");

	private SimulatorCommandLine() {
	}

	/**
	 * Reads the arguments.
	 * @param args the command line arguments
	 * @return the options
	 * @throws CommandLineException if an argument is unknown, lacks its value or has a
	 * wrong one
	 */
	static SimulatorOptions parse(String[] args) throws CommandLineException {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				return new SimulatorOptions(true, SimulatorOptions.DEFAULT_HOST, SimulatorOptions.DEFAULT_PORT,
						SimulatorOptions.DEFAULT_API_KEY, null, null);
			}
			int equals = arg.indexOf('=');
			String name = (equals > 0) ? arg.substring(0, equals) : arg;
			if (!OPTIONS.contains(name)) {
				throw new CommandLineException("Unknown option " + name);
			}
			String value;
			if (equals > 0) {
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				value = args[++i];
			}
			else {
				throw new CommandLineException(name + " needs a value");
			}
			if (value.isBlank()) {
				throw new CommandLineException(name + " needs a value");
			}
			if (values.put(name, value) != null) {
				throw new CommandLineException(name + " is given twice");
			}
		}
		String webhookUrl = values.get("--webhook-url");
		String webhookSecret = values.get("--webhook-secret");
		if (webhookSecret != null && webhookUrl == null) {
			throw new CommandLineException("--webhook-secret needs --webhook-url");
		}
		return new SimulatorOptions(false, values.getOrDefault("--host", SimulatorOptions.DEFAULT_HOST),
				port(values.get("--port")), values.getOrDefault("--api-key", SimulatorOptions.DEFAULT_API_KEY),
				(webhookUrl != null) ? webhookUrl(webhookUrl) : null, webhookSecret);
	}

	private static int port(@Nullable String value) throws CommandLineException {
		if (value == null) {
			return SimulatorOptions.DEFAULT_PORT;
		}
		try {
			int port = Integer.parseInt(value);
			if (port >= 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new CommandLineException("--port must be a number from 0 to 65535, not " + value);
	}

	private static String webhookUrl(String value) throws CommandLineException {
		try {
			URI uri = new URI(value);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return value;
			}
		}
		catch (URISyntaxException ex) {
			// answered below
		}
		throw new CommandLineException("--webhook-url must be an absolute http(s) URL, not " + value);
	}

}
