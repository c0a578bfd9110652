package com.blooio.spring.autoconfigure.webhook.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.blooio.spring.autoconfigure.webhook.BlooioWebhookAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.reactive.BlooioWebhookWebFluxAutoConfiguration;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlooioWebhookSecurityAutoConfiguration}: which helper exists for which
 * web stack, and that nothing reaches any security chain by itself. Both web stacks are
 * on the test classpath, so each runner is the application type it names.
 */
class BlooioWebhookSecurityAutoConfigurationTests {

	private static final AutoConfigurations WEBHOOK = AutoConfigurations.of(BlooioWebhookAutoConfiguration.class,
			BlooioWebhookWebMvcAutoConfiguration.class, BlooioWebhookWebFluxAutoConfiguration.class,
			BlooioWebhookSecurityAutoConfiguration.class);

	private final WebApplicationContextRunner servletContextRunner = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(WEBHOOK);

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withConfiguration(WEBHOOK);

	@Test
	void servletApplicationWithActiveWebhookGetsTheServletHelperOnly() {
		this.servletContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasSingleBean(BlooioWebhookSecurity.class);
			assertThat(context).doesNotHaveBean(BlooioWebhookServerSecurity.class);
		});
	}

	@Test
	void reactiveApplicationWithActiveWebhookGetsTheReactiveHelperOnly() {
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasSingleBean(BlooioWebhookServerSecurity.class);
			assertThat(context).doesNotHaveBean(BlooioWebhookSecurity.class);
		});
	}

	@Test
	void servletHelperMatchesOnlyPostsToTheConfiguredWebhookPath() {
		this.servletContextRunner
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.path=/hooks/blooio")
			.run((context) -> {
				BlooioWebhookSecurity helper = context.getBean(BlooioWebhookSecurity.class);
				assertThat(helper.requestMatcher().matches(new MockHttpServletRequest("POST", "/hooks/blooio")))
					.isTrue();
				assertThat(helper.requestMatcher().matches(new MockHttpServletRequest("GET", "/hooks/blooio")))
					.isFalse();
				assertThat(helper.requestMatcher().matches(new MockHttpServletRequest("POST", "/hooks/blooio/x")))
					.isFalse();
			});
	}

	@Test
	void servletHelperUsesTheApplicationsRequestMatcherBuilder() {
		this.servletContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.withBean(PathPatternRequestMatcher.Builder.class,
					() -> PathPatternRequestMatcher.withDefaults().basePath("/api"))
			.run((context) -> {
				BlooioWebhookSecurity helper = context.getBean(BlooioWebhookSecurity.class);
				assertThat(helper.requestMatcher().matches(new MockHttpServletRequest("POST", "/api/blooio/webhook")))
					.isTrue();
			});
	}

	@Test
	void noServletHelperWhileTheWebhookEndpointIsOff() {
		this.servletContextRunner.run((context) -> assertThat(context).doesNotHaveBean(BlooioWebhookSecurity.class));
	}

	@Test
	void noReactiveHelperWhileTheWebhookEndpointIsOff() {
		this.reactiveContextRunner
			.run((context) -> assertThat(context).doesNotHaveBean(BlooioWebhookServerSecurity.class));
	}

	@Test
	void servletApplicationWithoutSpringSecurityStartsWithoutTheHelper() {
		this.servletContextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("blooioWebhookHandlerMapping");
				assertThat(context).doesNotHaveBean(BlooioWebhookSecurity.class);
			});
	}

	@Test
	void reactiveApplicationWithoutSpringSecurityStartsWithoutTheHelper() {
		this.reactiveContextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("blooioWebhookRouterFunction");
				assertThat(context).doesNotHaveBean(BlooioWebhookServerSecurity.class);
			});
	}

	@Test
	void userDefinedServletHelperIsUsedInstead() {
		BlooioWebhookSecurity own = new BlooioWebhookSecurity(PathPatternRequestMatcher.withDefaults(), "/own");
		this.servletContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.withBean(BlooioWebhookSecurity.class, () -> own)
			.run((context) -> assertThat(context).getBean(BlooioWebhookSecurity.class).isSameAs(own));
	}

	@Test
	void userDefinedReactiveHelperIsUsedInstead() {
		BlooioWebhookServerSecurity own = new BlooioWebhookServerSecurity("/own");
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET)
			.withBean(BlooioWebhookServerSecurity.class, () -> own)
			.run((context) -> assertThat(context).getBean(BlooioWebhookServerSecurity.class).isSameAs(own));
	}

	@Test
	void servletApplicationGetsNoSecurityChainAndNoCustomizerThatSpringSecurityWouldApplyByItself() {
		this.servletContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
			assertThat(context).doesNotHaveBean(Customizer.class);
		});
	}

	@Test
	void reactiveApplicationGetsNoSecurityChainAndNoCustomizerThatSpringSecurityWouldApplyByItself() {
		this.reactiveContextRunner.withPropertyValues("blooio.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class);
			assertThat(context).doesNotHaveBean(Customizer.class);
		});
	}

}
