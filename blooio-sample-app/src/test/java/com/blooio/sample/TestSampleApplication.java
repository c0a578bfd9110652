package com.blooio.sample;

import org.springframework.boot.SpringApplication;

import com.blooio.spring.test.context.BlooioSimulatorConfiguration;

/**
 * Runs the sample on the Blooio simulator, with no Blooio account: from the IDE, or with
 * {@code ./mvnw -pl blooio-sample-app -am spring-boot:test-run}. The log says where the
 * simulator runs and how to play a contact with {@code curl}.
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		// The "simulator" profile fixes the simulator's port
		// (application-simulator.properties
		// in the test resources), so that the README's curl commands work as written
		application().withAdditionalProfiles("simulator").run(args);
	}

	static SpringApplication.Augmented application() {
		return SpringApplication.from(SampleApplication::main).with(BlooioSimulatorConfiguration.class);
	}

}
