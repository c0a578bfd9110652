package com.blooio.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import com.blooio.spring.autoconfigure.client.BlooioClientAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT processing of applications using the starter, as {@code process-aot} does at
 * build time: the generated bean registrations hold the template and the webhook route,
 * and the hints the native image needs are collected.
 */
class BlooioAutoConfigurationAotTests {

	private static final AutoConfigurations BLOOIO = AutoConfigurations.of(BlooioClientAutoConfiguration.class,
			BlooioWebhookAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class,
			BlooioWebhookWebMvcAutoConfiguration.class);

	private static final String[] PROPERTIES = { "blooio.api-key=bl_test", "blooio.webhook.secret=whsec_test" };

	@Test
	void servletApplicationGetsTheTemplateAndTheWebhookEndpointFromGeneratedCode() {
		new WebApplicationContextRunner().withInitializer(withoutSystemEnvironment())
			.withConfiguration(BLOOIO)
			.withPropertyValues(PROPERTIES)
			.prepare((context) -> assertThat(processAheadOfTime(context.getSourceApplicationContext()).sources())
				.contains("registerBeanDefinition(\"blooioTemplate\"",
						"registerBeanDefinition(\"blooioWebhookHandlerMapping\"",
						"BlooioWebhookWebMvcAutoConfiguration"));
	}

	@Test
	void reactiveApplicationGetsTheTemplateAndTheWebhookRouteFromGeneratedCode() {
		new ReactiveWebApplicationContextRunner().withInitializer(withoutSystemEnvironment())
			.withConfiguration(BLOOIO)
			.withPropertyValues(PROPERTIES)
			.prepare((context) -> assertThat(processAheadOfTime(context.getSourceApplicationContext()).sources())
				.contains("registerBeanDefinition(\"blooioTemplate\"",
						"registerBeanDefinition(\"blooioWebhookRouterFunction\"",
						"BlooioWebhookWebFluxAutoConfiguration"));
	}

	@Test
	void processingCollectsTheHintsForTheModelsAndTheEvents() {
		new ReactiveWebApplicationContextRunner().withInitializer(withoutSystemEnvironment())
			.withConfiguration(BLOOIO)
			.withPropertyValues(PROPERTIES)
			.prepare((context) -> {
				RuntimeHints hints = processAheadOfTime(context.getSourceApplicationContext()).hints();
				assertThat(RuntimeHintsPredicates.reflection().onType(SendMessageResponse.class)).accepts(hints);
				assertThat(RuntimeHintsPredicates.reflection().onType(BlooioMessageReceivedEvent.class)).accepts(hints);
			});
	}

	private static Generated processAheadOfTime(ConfigurableApplicationContext context) {
		GenericApplicationContext applicationContext = (GenericApplicationContext) context;
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "App")), files);
		new ApplicationContextAotGenerator().processAheadOfTime(applicationContext, generationContext);
		generationContext.writeGeneratedContent();
		StringBuilder sources = new StringBuilder();
		files.getGeneratedFiles(Kind.SOURCE).values().forEach((source) -> {
			try (InputStream content = source.getInputStream()) {
				sources.append(new String(content.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return new Generated(sources.toString(), generationContext.getRuntimeHints());
	}

	private record Generated(String sources, RuntimeHints hints) {

	}

}
