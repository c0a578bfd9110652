package com.blooio.spring.webhook.catchup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcCheckpointStoreRuntimeHints}.
 */
class JdbcCheckpointStoreRuntimeHintsTests {

	@Test
	void isAppliedDuringAotProcessing() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(JdbcCheckpointStoreRuntimeHints.class::isInstance);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mysql", "h2" })
	void schemaScriptIsIncludedInANativeImage(String platform) {
		RuntimeHints hints = new RuntimeHints();
		new JdbcCheckpointStoreRuntimeHints().registerHints(hints, getClass().getClassLoader());
		String script = "com/blooio/spring/webhook/catchup/schema-" + platform + ".sql";
		assertThat(getClass().getClassLoader().getResource(script)).isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource(script)).accepts(hints);
	}

}
