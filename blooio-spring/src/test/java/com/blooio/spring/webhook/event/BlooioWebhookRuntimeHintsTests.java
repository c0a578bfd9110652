package com.blooio.spring.webhook.event;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.aot.AotServices;

import com.blooio.spring.aot.BindingHints;
import com.blooio.spring.aot.CompiledTypes;

import static org.assertj.core.api.Assertions.assertThat;

class BlooioWebhookRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	@Test
	void isAppliedDuringAotProcessing() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(BlooioWebhookRuntimeHints.class::isInstance);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventTypes")
	void listenerConditionsCanCallEveryPublicMethodOfTheEvents(Class<?> type) {
		assertThat(BindingHints.missingForPublicMethodInvocation(type, this.hints)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventTypes")
	void jacksonCanWriteTheEvents(Class<?> type) {
		assertThat(BindingHints.missingForJackson(type, this.hints)).isEmpty();
	}

	/**
	 * The events and the records they are made of.
	 */
	static List<Class<?>> eventTypes() {
		return CompiledTypes.publicTypesInPackageOf(BlooioEvent.class)
			.stream()
			.filter((type) -> BlooioEvent.class.isAssignableFrom(type) || type.isRecord())
			.toList();
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		new BlooioWebhookRuntimeHints().registerHints(hints, BlooioWebhookRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

}
