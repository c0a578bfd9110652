package com.blooio.spring.autoconfigure.webhook;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.webhook.WebhookDeliveryObserver;
import com.blooio.spring.webhook.WebhookOutcome;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.BOOT_METRICS;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.DELIVERIES;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.allDeliveries;
import static com.blooio.spring.autoconfigure.webhook.WebhookMetricsTestSupport.deliveries;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioWebhookMetricsAutoConfiguration}: when the delivery metrics are
 * registered, how they back off, and that webhooks work without Micrometer.
 */
class BlooioWebhookMetricsAutoConfigurationTests {

	private static final String METRICS_BEAN = "blooioWebhookDeliveryMetrics";

	private static final AutoConfigurations WEBHOOK = AutoConfigurations.of(BlooioWebhookAutoConfiguration.class,
			BlooioWebhookWebFluxAutoConfiguration.class, BlooioWebhookWebMvcAutoConfiguration.class,
			BlooioWebhookMetricsAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
						DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withConfiguration(WEBHOOK)
		.withBean(EventRecorder.class);

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class))
		.withConfiguration(WEBHOOK)
		.withBean(EventRecorder.class);

	@Test
	void webhookWithBootMetricsGetsDeliveryMetrics() {
		this.contextRunner.withConfiguration(BOOT_METRICS)
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasBean(METRICS_BEAN);
				assertThat(context.getBean(METRICS_BEAN)).isInstanceOf(WebhookDeliveryMetrics.class);
			});
	}

	@Test
	void bootMetricsAutoConfigurationsItIsOrderedAfterExist() {
		String[] afterNames = BlooioWebhookMetricsAutoConfiguration.class.getAnnotation(AutoConfiguration.class)
			.afterName();
		assertThat(afterNames).isNotEmpty()
			.allSatisfy(
					(name) -> assertThat(ClassUtils.isPresent(name, getClass().getClassLoader())).as(name).isTrue());
	}

	@Test
	void webhookWithoutMicrometerOnClasspathStartsAndHandlesDeliveries() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer."))
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(METRICS_BEAN);
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).hasStatusOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	@Test
	void reactiveWebhookWithoutMicrometerOnClasspathStartsAndHandlesDeliveries() {
		this.reactiveContextRunner.withClassLoader(new FilteredClassLoader("io.micrometer."))
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(METRICS_BEAN);
				byte[] body = fixture(RECEIVED_FIXTURE);
				WebTestClient.bindToApplicationContext(context)
					.build()
					.post()
					.uri(DEFAULT_PATH)
					.contentType(MediaType.APPLICATION_JSON)
					.header(SIGNATURE_HEADER, sign(body))
					.bodyValue(body)
					.exchange()
					.expectStatus()
					.isOk();
				assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			});
	}

	@Test
	void webhookWithMicrometerButNoMeterRegistryStartsAndHandlesDeliveries() {
		this.contextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MeterRegistry.class);
			assertThat(context).doesNotHaveBean(METRICS_BEAN);
			byte[] body = fixture(RECEIVED_FIXTURE);
			assertThat(post(context, body, sign(body))).hasStatusOk();
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
		});
	}

	@Test
	void bootMetricsWithoutWebhookGetNoDeliveryMetrics() {
		this.contextRunner.withConfiguration(BOOT_METRICS).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(MeterRegistry.class);
			assertThat(context).doesNotHaveBean(METRICS_BEAN);
			assertThat(context).doesNotHaveBean(WebhookDeliveryObserver.class);
		});
	}

	@Test
	void userBeanNamedLikeDeliveryMetricsReplacesThem() {
		this.contextRunner.withConfiguration(BOOT_METRICS)
			.withUserConfiguration(UserMetricsConfiguration.class)
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).getBean(METRICS_BEAN).isInstanceOf(RecordingObserver.class);
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).hasStatusOk();
				assertThat(context.getBean(RecordingObserver.class).outcomes).containsExactly(WebhookOutcome.HANDLED);
				assertThat(context.getBean(MeterRegistry.class).find(DELIVERIES).counters()).isEmpty();
			});
	}

	@Test
	void userObserverIsToldAlongsideDeliveryMetrics() {
		this.contextRunner.withConfiguration(BOOT_METRICS)
			.withBean(RecordingObserver.class)
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(MockMvcTester.from(context).get().uri(DEFAULT_PATH).exchange().getResponse().getStatus())
					.isEqualTo(405);
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).hasStatusOk();
				assertThat(context.getBean(RecordingObserver.class).outcomes)
					.containsExactly(WebhookOutcome.METHOD_NOT_ALLOWED, WebhookOutcome.HANDLED);
				assertThat(deliveries(context, "message.received", "handled")).isEqualTo(1);
				assertThat(allDeliveries(context)).isEqualTo(2);
			});
	}

	@Test
	void deliveryMetricsWorkWithLazyInitialization() {
		this.contextRunner.withConfiguration(BOOT_METRICS)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context.getBeanFactory().getBeanDefinition(METRICS_BEAN).isLazyInit()).isTrue();
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).hasStatusOk();
				assertThat(deliveries(context, "message.received", "handled")).isEqualTo(1);
			});
	}

	private static MvcTestResult post(WebApplicationContext context, byte[] body, String signature) {
		return MockMvcTester.from(context)
			.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.content(body)
			.exchange();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetricsConfiguration {

		@Bean
		RecordingObserver blooioWebhookDeliveryMetrics() {
			return new RecordingObserver();
		}

	}

	static class RecordingObserver implements WebhookDeliveryObserver {

		final List<WebhookOutcome> outcomes = new CopyOnWriteArrayList<>();

		@Override
		public void observe(@Nullable String eventType, WebhookOutcome outcome, @Nullable Instant signedAt) {
			this.outcomes.add(outcome);
		}

	}

}
