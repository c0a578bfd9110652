package com.blooio.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorModeConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(SimulatorModeConfiguration.class)
		.withPropertyValues(SimulatorModeEnvironmentPostProcessor.SIMULATOR_ID_PROPERTY + "=not-started",
				"blooio.webhook.secret=whsec_test");

	@AfterEach
	void leaveAotMode() {
		System.clearProperty("spring.aot.enabled");
	}

	@Test
	void inAotModeWithoutSimulatorExplainsThatTheBuildChoseSimulatorMode() {
		System.setProperty("spring.aot.enabled", "true");
		this.contextRunner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("AOT-processed without blooio.api-key")
			.hasMessageContaining("Build again with blooio.api-key set"));
	}

}
