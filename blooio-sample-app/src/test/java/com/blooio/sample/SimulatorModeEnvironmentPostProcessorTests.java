package com.blooio.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.mock.env.MockEnvironment;

import com.blooio.spring.test.simulator.BlooioSimulator;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorModeEnvironmentPostProcessorTests {

	private final SimulatorModeEnvironmentPostProcessor postProcessor = new SimulatorModeEnvironmentPostProcessor();

	@Test
	void withoutApiKeyStartsTheSimulatorAndHandsItToTheContext() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		try (BlooioSimulator simulator = SimulatorRegistry
			.take(environment.getProperty(SimulatorModeEnvironmentPostProcessor.SIMULATOR_ID_PROPERTY))) {
			assertThat(simulator).isNotNull();
			assertThat(environment.getProperty("blooio.base-url")).isEqualTo(simulator.baseUrl());
		}
	}

	@Test
	void duringAotProcessingStartsNoSimulator() {
		MockEnvironment environment = new MockEnvironment();
		postProcessDuringAotProcessing(environment);
		assertThat(SimulatorRegistry
			.take(environment.getProperty(SimulatorModeEnvironmentPostProcessor.SIMULATOR_ID_PROPERTY))).isNull();
	}

	@Test
	void duringAotProcessingSetsTheSamePropertiesAsAtRunTimeSoTheSameBeansAreGenerated() {
		MockEnvironment runTime = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(runTime, new SpringApplication());
		SimulatorRegistry.take(runTime.getProperty(SimulatorModeEnvironmentPostProcessor.SIMULATOR_ID_PROPERTY))
			.close();
		MockEnvironment buildTime = new MockEnvironment();
		postProcessDuringAotProcessing(buildTime);
		assertThat(simulatorProperties(buildTime)).containsOnlyKeys(simulatorProperties(runTime).keySet())
			.allSatisfy((name, value) -> assertThat((String) value).isNotBlank());
	}

	@Test
	void duringAotProcessingWithAnApiKeySetsNothing() {
		MockEnvironment environment = new MockEnvironment().withProperty("blooio.api-key", "bl_live");
		postProcessDuringAotProcessing(environment);
		assertThat(environment.getPropertySources().contains("blooioSimulator")).isFalse();
	}

	private void postProcessDuringAotProcessing(ConfigurableEnvironment environment) {
		System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
		try {
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		}
		finally {
			System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
		}
	}

	private static Map<String, Object> simulatorProperties(ConfigurableEnvironment environment) {
		EnumerablePropertySource<?> source = (EnumerablePropertySource<?>) environment.getPropertySources()
			.get("blooioSimulator");
		assertThat(source).isNotNull();
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : source.getPropertyNames()) {
			properties.put(name, source.getProperty(name));
		}
		return properties;
	}

}
