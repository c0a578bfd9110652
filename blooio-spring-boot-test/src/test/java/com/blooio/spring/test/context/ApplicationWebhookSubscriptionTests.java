package com.blooio.spring.test.context;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.GenericWebApplicationContext;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApplicationWebhookSubscription}, with hand-made contexts standing in
 * for the servlet and reactive web server application contexts.
 */
class ApplicationWebhookSubscriptionTests {

	private static final String SECRET = "whsec_app";

	private static final int PORT = 8089;

	private final BlooioSimulator sim = BlooioSimulator.start();

	@AfterEach
	void closeSimulator() {
		this.sim.close();
	}

	@Test
	void servletApplicationIsSubscribedBelowItsContextPathWithItsSecret() {
		ServletServerContext context = new ServletServerContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("server.servlet.context-path", "/shop")));
		refreshWithWebhookEndpoint(context);
		new ApplicationWebhookSubscription(this.sim, context).onApplicationEvent(new ServerStarted(context));
		assertThat(subscribedSecret("http://127.0.0.1:" + PORT + "/shop/blooio/webhook")).isEqualTo(SECRET);
	}

	@Test
	void serverOfAnotherContextIsIgnored() {
		ReactiveServerContext context = reactiveContextWithWebhookEndpoint();
		ReactiveServerContext management = new ReactiveServerContext();
		new ApplicationWebhookSubscription(this.sim, context).onApplicationEvent(new ServerStarted(management));
		assertThat(subscribedSecret("http://127.0.0.1:" + PORT + "/blooio/webhook")).isNull();
	}

	@Test
	void applicationWithoutWebhookEndpointIsNotSubscribed() {
		ReactiveServerContext context = new ReactiveServerContext();
		context.registerBean(BlooioProperties.class, ApplicationWebhookSubscriptionTests::properties);
		context.refresh();
		new ApplicationWebhookSubscription(this.sim, context).onApplicationEvent(new ServerStarted(context));
		assertThat(subscribedSecret("http://127.0.0.1:" + PORT + "/blooio/webhook")).isNull();
	}

	@Test
	void subscriptionIsRestoredAfterReset() {
		ReactiveServerContext context = reactiveContextWithWebhookEndpoint();
		new ApplicationWebhookSubscription(this.sim, context).onApplicationEvent(new ServerStarted(context));
		this.sim.reset();
		assertThat(subscribedSecret("http://127.0.0.1:" + PORT + "/blooio/webhook")).isEqualTo(SECRET);
	}

	private ReactiveServerContext reactiveContextWithWebhookEndpoint() {
		ReactiveServerContext context = new ReactiveServerContext();
		refreshWithWebhookEndpoint(context);
		return context;
	}

	private static void refreshWithWebhookEndpoint(GenericApplicationContext context) {
		context.registerBean(BlooioProperties.class, ApplicationWebhookSubscriptionTests::properties);
		context.registerBean(BlooioWebhookHandler.class, () -> new BlooioWebhookHandler(null,
				new InMemoryWebhookDeduplicationStore(10, Duration.ofMinutes(1)), context));
		context.refresh();
	}

	/**
	 * Returns the secret the URL is subscribed with, or {@code null} when it is not
	 * subscribed (registering keeps the first secret of a URL).
	 */
	private String subscribedSecret(String url) {
		String probe = "whsec_probe";
		String secret = this.sim.registerWebhook(url, probe);
		return probe.equals(secret) ? null : secret;
	}

	private static BlooioProperties properties() {
		BlooioProperties properties = new BlooioProperties();
		properties.getWebhook().setSecret(SECRET);
		return properties;
	}

	static class ServletServerContext extends GenericWebApplicationContext implements WebServerApplicationContext {

		@Override
		public WebServer getWebServer() {
			return new PortOnlyWebServer();
		}

		@Override
		public String getServerNamespace() {
			return null;
		}

	}

	static class ReactiveServerContext extends GenericApplicationContext implements WebServerApplicationContext {

		@Override
		public WebServer getWebServer() {
			return new PortOnlyWebServer();
		}

		@Override
		public String getServerNamespace() {
			return null;
		}

	}

	static class ServerStarted extends WebServerInitializedEvent {

		private final WebServerApplicationContext context;

		ServerStarted(WebServerApplicationContext context) {
			super(context.getWebServer());
			this.context = context;
		}

		@Override
		public WebServerApplicationContext getApplicationContext() {
			return this.context;
		}

	}

	static class PortOnlyWebServer implements WebServer {

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public int getPort() {
			return PORT;
		}

	}

}
