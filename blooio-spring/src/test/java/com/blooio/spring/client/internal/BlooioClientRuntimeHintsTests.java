package com.blooio.spring.client.internal;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.aot.AotServices;

import com.blooio.spring.aot.BindingHints;
import com.blooio.spring.aot.CompiledTypes;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.account.Me;
import com.blooio.spring.model.chat.Chat;
import com.blooio.spring.model.contact.Contact;
import com.blooio.spring.model.group.Group;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.v4.Subscription;
import com.blooio.spring.model.webhook.Webhook;

import static org.assertj.core.api.Assertions.assertThat;

class BlooioClientRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	@Test
	void isAppliedDuringAotProcessing() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(BlooioClientRuntimeHints.class::isInstance);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("publicModelTypes")
	void jacksonCanBindEveryPublicModelType(Class<?> type) {
		assertThat(BindingHints.missingForJackson(type, this.hints)).isEmpty();
	}

	/**
	 * Request and response shapes used by a single operation are records nested in the
	 * class implementing that operation group.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("operationWireTypes")
	void jacksonCanBindTheWireTypesPrivateToAnOperation(Class<?> type) {
		assertThat(BindingHints.missingForJackson(type, this.hints)).isEmpty();
	}

	static List<Class<?>> publicModelTypes() {
		// builders are called by applications, never by Jackson
		return Stream
			.of(Page.class, Message.class, Chat.class, Contact.class, Group.class, Me.class, Webhook.class,
					Subscription.class)
			.flatMap((member) -> CompiledTypes.publicTypesInPackageOf(member).stream())
			.filter((type) -> type != SendMessageRequest.Builder.class)
			.toList();
	}

	static List<Class<?>> operationWireTypes() {
		return CompiledTypes.typesInPackageOf(TemplateOperations.class)
			.stream()
			.filter((type) -> type.isRecord() && type.getEnclosingClass() != null
					&& type.getEnclosingClass().getSimpleName().startsWith("Template"))
			.toList();
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		new BlooioClientRuntimeHints().registerHints(hints, BlooioClientRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

}
