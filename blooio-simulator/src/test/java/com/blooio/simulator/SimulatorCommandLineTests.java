package com.blooio.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the simulator's command line, read in-process: no JVM per case.
 */
class SimulatorCommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void noArgumentsMeanPort4010OnLoopbackWithTheDocumentedKey() throws Exception {
		SimulatorOptions options = SimulatorCommandLine.parse(new String[0]);
		assertThat(options.port()).isEqualTo(4010);
		assertThat(options.host()).isEqualTo("127.0.0.1");
		assertThat(options.apiKey()).isEqualTo("bl_sim_test_key");
		assertThat(options.webhookUrl()).isNull();
		assertThat(options.help()).isFalse();
	}

	@Test
	void optionsAreReadWithASpaceOrAnEqualsSign() throws Exception {
		SimulatorOptions options = SimulatorCommandLine.parse(new String[] { "--port", "0", "--host=0.0.0.0",
				"--api-key", "my_key", "--webhook-url=http://localhost:8080/hook", "--webhook-secret", "whsec_x" });
		assertThat(options)
			.isEqualTo(new SimulatorOptions(false, "0.0.0.0", 0, "my_key", "http://localhost:8080/hook", "whsec_x"));
	}

	@Test
	void helpIsRecognisedAmongOtherArguments() throws Exception {
		assertThat(SimulatorCommandLine.parse(new String[] { "--port", "1", "-h" }).help()).isTrue();
	}

	@Test
	void unknownOptionIsRefusedByName() {
		assertThatExceptionOfType(CommandLineException.class)
			.isThrownBy(() -> SimulatorCommandLine.parse(new String[] { "--prot", "4010" }))
			.withMessage("Unknown option --prot");
	}

	@Test
	void optionWithoutValueIsRefused() {
		assertThatExceptionOfType(CommandLineException.class)
			.isThrownBy(() -> SimulatorCommandLine.parse(new String[] { "--port", "--host", "0.0.0.0" }))
			.withMessage("--port needs a value");
	}

	@Test
	void portThatIsNotANumberIsRefused() {
		assertThatExceptionOfType(CommandLineException.class)
			.isThrownBy(() -> SimulatorCommandLine.parse(new String[] { "--port", "http" }))
			.withMessage("--port must be a number from 0 to 65535, not http");
	}

	@Test
	void portOutOfRangeIsRefused() {
		assertThatExceptionOfType(CommandLineException.class)
			.isThrownBy(() -> SimulatorCommandLine.parse(new String[] { "--port=65536" }))
			.withMessageContaining("from 0 to 65535");
	}

	@Test
	void optionGivenTwiceIsRefused() {
		assertThatExceptionOfType(CommandLineException.class)
			.isThrownBy(() -> SimulatorCommandLine.parse(new String[] { "--port", "1", "--port", "2" }))
			.withMessage("--port is given twice");
	}

	@Test
	void webhookUrlMustBeAbsoluteHttp() {
		assertThatExceptionOfType(CommandLineException.class)
			.isThrownBy(() -> SimulatorCommandLine.parse(new String[] { "--webhook-url", "localhost:8080/hook" }))
			.withMessageContaining("absolute http(s) URL");
	}

	@Test
	void webhookSecretWithoutUrlIsRefused() {
		assertThatExceptionOfType(CommandLineException.class)
			.isThrownBy(() -> SimulatorCommandLine.parse(new String[] { "--webhook-secret", "whsec_x" }))
			.withMessage("--webhook-secret needs --webhook-url");
	}

	@Test
	void badArgumentsExitWithStatus2AndSayWhatIsWrong() {
		BlooioSimulatorMain.Launch launch = launch("--port", "x");
		assertThat(launch.simulator()).isNull();
		assertThat(launch.exitStatus()).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.startsWith("blooio-simulator: --port must be a number from 0 to 65535, not x")
			.contains("--help");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void helpPrintsTheOptionsAndExitsWithStatus0() {
		BlooioSimulatorMain.Launch launch = launch("--help");
		assertThat(launch.simulator()).isNull();
		assertThat(launch.exitStatus()).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("--port <n>")
			.contains("--webhook-url <url>")
			.contains("(default 4010)");
	}

	@Test
	void portInUseExitsWithStatus1AndSaysWhy() {
		try (BlooioSimulator taken = BlooioSimulator.start()) {
			BlooioSimulatorMain.Launch launch = launch("--port", String.valueOf(taken.port()));
			assertThat(launch.simulator()).isNull();
			assertThat(launch.exitStatus()).isEqualTo(1);
			assertThat(this.err.toString(StandardCharsets.UTF_8))
				.startsWith("blooio-simulator: Could not start the Blooio simulator on 127.0.0.1:" + taken.port());
		}
	}

	@Test
	void startPrintsTheLineScriptsReadFirst() {
		BlooioSimulator simulator = launch("--port", "0", "--api-key", "key_for_this_test").simulator();
		try {
			assertThat(this.out.toString(StandardCharsets.UTF_8).lines().findFirst())
				.hasValue("Blooio simulator listening on http://127.0.0.1:" + simulator.port()
						+ " (API key key_for_this_test)");
		}
		finally {
			simulator.close();
		}
	}

	@Test
	void generatedWebhookSecretIsPrintedForTheReceiver() {
		BlooioSimulator simulator = launch("--port", "0", "--webhook-url", "http://127.0.0.1:9/hook").simulator();
		try {
			assertThat(this.out.toString(StandardCharsets.UTF_8))
				.containsPattern("webhooks to http://127.0.0.1:9/hook signed with whsec_[0-9a-f]{32}");
		}
		finally {
			simulator.close();
		}
	}

	private BlooioSimulatorMain.Launch launch(String... args) {
		return BlooioSimulatorMain.launch(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
