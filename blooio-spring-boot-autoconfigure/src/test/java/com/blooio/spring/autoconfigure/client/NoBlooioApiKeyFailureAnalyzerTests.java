package com.blooio.spring.autoconfigure.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.support.ExpectedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link NoBlooioApiKeyFailureAnalyzer}.
 */
class NoBlooioApiKeyFailureAnalyzerTests {

	// Boot's failure report of the applications these tests make fail on purpose
	@RegisterExtension
	final ExpectedLogs failureReport = ExpectedLogs.ofLoggers("org.springframework.boot.diagnostics",
			"org.springframework.boot.SpringApplication");

	private final AtomicReference<Environment> environment = new AtomicReference<>();

	// The real BLOOIO_API_KEY of whoever runs the build must not hide the failure.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withInitializer((context) -> {
		context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		this.environment.set(context.getEnvironment());
	}).withConfiguration(AutoConfigurations.of(BlooioClientAutoConfiguration.class));

	@Test
	void missingTemplateWithoutApiKeyIsExplained() {
		this.contextRunner.withUserConfiguration(NeedsTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("BlooioTemplate").contains("'blooio.api-key'");
			assertThat(analysis.getAction()).contains("blooio.api-key=").contains("BLOOIO_API_KEY");
		});
	}

	@Test
	void missingOperationsWithoutApiKeyIsExplained() {
		this.contextRunner.withUserConfiguration(NeedsOperationsConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("BlooioOperations").contains("'blooio.api-key'");
			assertThat(analysis.getAction()).contains("BLOOIO_API_KEY");
		});
	}

	@Test
	void missingTemplateWithBlankApiKeyIsExplained() {
		this.contextRunner.withUserConfiguration(NeedsTemplateConfiguration.class)
			.withPropertyValues("blooio.api-key=   ")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure())).isNotNull();
			});
	}

	@Test
	void missingTemplateWithApiKeySetIsNotExplained() {
		// The user's own BlooioOperations makes the template back off despite the key
		this.contextRunner.withUserConfiguration(UserOperationsConfiguration.class, NeedsTemplateConfiguration.class)
			.withPropertyValues("blooio.api-key=bl_test_5c1f")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure())).isNull();
			});
	}

	@Test
	void unrelatedMissingBeanIsNotExplained() {
		this.contextRunner.withUserConfiguration(NeedsClockConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analyze(context.getStartupFailure())).isNull();
		});
	}

	@Test
	void failureReportOfSpringApplicationExplainsMissingApiKey() {
		SpringApplication application = new SpringApplication(EndToEndConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		// A blank key on the command line wins over any BLOOIO_API_KEY of the build
		assertThatException()
			.isThrownBy(() -> application.run("--blooio.api-key=", "--spring.main.log-startup-info=false"));
		assertThat(this.failureReport.text()).contains("APPLICATION FAILED TO START")
			.contains("No BlooioOperations bean is available because the property 'blooio.api-key'")
			.contains("BLOOIO_API_KEY");
	}

	@ParameterizedTest(name = "Boot's analyzer listed first: {0}")
	@ValueSource(booleans = { true, false })
	void explanationWinsOverBootsGenericAnalyzerWhateverTheClasspathOrder(boolean bootsFirst) {
		this.contextRunner.withUserConfiguration(NeedsOperationsConfiguration.class).run((context) -> {
			StandardEnvironment environment = new StandardEnvironment();
			environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
			List<FailureAnalyzer> analyzers = SpringFactoriesLoader
				.forDefaultResourceLocation(getClass().getClassLoader())
				.load(FailureAnalyzer.class, ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
					.and(Environment.class, environment), FailureHandler.handleMessage((message, failure) -> {
						// as Boot does: an analyzer that cannot be created here is left
						// out
					}));
			FailureAnalyzer boots = analyzers.stream()
				.filter((analyzer) -> analyzer.getClass().getSimpleName().equals("NoSuchBeanDefinitionFailureAnalyzer"))
				.findFirst()
				.orElseThrow();
			FailureAnalyzer ours = analyzers.stream()
				.filter(NoBlooioApiKeyFailureAnalyzer.class::isInstance)
				.findFirst()
				.orElseThrow();
			List<FailureAnalyzer> listed = new ArrayList<>(bootsFirst ? List.of(boots, ours) : List.of(ours, boots));
			AnnotationAwareOrderComparator.sort(listed);
			FailureAnalysis first = listed.stream()
				.map((analyzer) -> analyzer.analyze(context.getStartupFailure()))
				.filter(Objects::nonNull)
				.findFirst()
				.orElseThrow();
			assertThat(first.getDescription()).contains("blooio.api-key");
		});
	}

	private FailureAnalysis analyze(Throwable failure) {
		return new NoBlooioApiKeyFailureAnalyzer(this.environment.get()).analyze(failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsTemplateConfiguration {

		@Bean
		String needsTemplate(BlooioTemplate template) {
			return "needsTemplate";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsOperationsConfiguration {

		@Bean
		String needsOperations(BlooioOperations operations) {
			return "needsOperations";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsClockConfiguration {

		@Bean
		String needsClock(Clock clock) {
			return "needsClock";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperationsConfiguration {

		@Bean
		BlooioOperations userBlooio() {
			return mock(BlooioOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BlooioClientAutoConfiguration.class)
	static class EndToEndConfiguration {

		@Bean
		String needsOperations(BlooioOperations operations) {
			return "needsOperations";
		}

	}

}
