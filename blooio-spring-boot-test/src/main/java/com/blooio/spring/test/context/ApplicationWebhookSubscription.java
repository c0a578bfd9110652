package com.blooio.spring.test.context;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.web.context.WebApplicationContext;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.webhook.BlooioWebhookHandler;

/**
 * Subscribes the application's own webhook endpoint to the simulator once its web server
 * is running, signed with the webhook secret of the {@link BlooioConnectionDetails}, so
 * that what the simulator sends reaches the application's listeners, and tells at INFO
 * how to play a contact. Ignores other servers (a separate management port, for example).
 */
class ApplicationWebhookSubscription implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(ApplicationWebhookSubscription.class);

	private final BlooioSimulator simulator;

	private final ApplicationContext context;

	ApplicationWebhookSubscription(BlooioSimulator simulator, ApplicationContext context) {
		this.simulator = simulator;
		this.context = context;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		BlooioProperties properties = this.context.getBeanProvider(BlooioProperties.class).getIfAvailable();
		if (properties == null || this.context.getBeanNamesForType(BlooioWebhookHandler.class).length == 0) {
			logger.info("Blooio simulator running at " + simulatorUrl() + "; the application has no Blooio webhook"
					+ " endpoint (blooio.webhook.enabled=false?), so what contacts send does not reach it");
			return;
		}
		BlooioProperties.Webhook webhook = properties.getWebhook();
		String url = "http://127.0.0.1:" + event.getWebServer().getPort() + basePath(event) + webhook.getPath();
		String secret = secret(webhook);
		// Without a secret only unsigned deliveries are accepted: any signature will do
		this.simulator.keepAcrossResets(() -> {
			if (secret != null) {
				this.simulator.registerWebhook(url, secret);
			}
			else {
				this.simulator.registerWebhook(url);
			}
		});
		logger
			.info("""
					Blooio simulator running at %s, delivering webhooks to %s
					  Play a contact writing to the application:
					    curl -X POST %s/simulator/inbound -H 'Content-Type: application/json' -d '{"from":"+15551234567","text":"hi"}'				"""
				.formatted(simulatorUrl(), url, simulatorUrl()));
	}

	private @Nullable String secret(BlooioProperties.Webhook webhook) {
		BlooioConnectionDetails connection = this.context.getBeanProvider(BlooioConnectionDetails.class)
			.getIfAvailable();
		String secret = (connection != null) ? connection.getWebhookSecret() : null;
		return (secret != null) ? secret : webhook.getSecret();
	}

	private String simulatorUrl() {
		return "http://127.0.0.1:" + this.simulator.port();
	}

	private String basePath(WebServerInitializedEvent event) {
		// Only servlet contexts are WebApplicationContexts, and testing for that
		// interface needs no Servlet API on a WebFlux classpath
		String property = (event.getApplicationContext() instanceof WebApplicationContext)
				? "server.servlet.context-path" : "spring.webflux.base-path";
		String path = Binder.get(this.context.getEnvironment()).bind(property, String.class).orElse("");
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
