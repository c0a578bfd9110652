package com.blooio.spring.client;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.internal.TemplateOperations;

/**
 * The reactive Blooio client: {@link BlooioOperations} over Spring's {@link WebClient}.
 * <p>
 * Thread-safe; create one per API key and share it. In a Spring Boot application the
 * starter creates it from {@code blooio.*} properties; elsewhere: <pre class="code">
 * BlooioTemplate blooio = new BlooioTemplate(WebClient.create(), BlooioClientSettings.of(apiKey));
 * </pre> The API key is added per request, so it never ends up in the given
 * {@code WebClient}'s defaults or in other clients built from the same builder.
 *
 * @since 0.1.0
 */
public class BlooioTemplate implements BlooioOperations {

	private final BlooioClientSettings settings;

	private final SingletonSupplier<TemplateOperations> operations;

	/**
	 * Creates a template.
	 * @param webClient the WebClient to send requests with (its customizations, filters
	 * and observation apply)
	 * @param settings the API key, base URL, timeouts and retry settings
	 */
	public BlooioTemplate(WebClient webClient, BlooioClientSettings settings) {
		this(supplierOf(webClient), settings, Clock.systemUTC());
	}

	/**
	 * Creates a template whose WebClient is obtained on first use, so that creating the
	 * template is cheap (Spring Boot's auto-configuration uses this to keep the HTTP
	 * client out of application start-up).
	 * <p>
	 * The supplier is called once, when the first API call is subscribed to, not by this
	 * constructor; concurrent first calls wait for that one. If it throws (or returns
	 * {@code null}), that call's {@code Mono} or {@code Flux} ends with the error and the
	 * next call asks the supplier again.
	 * @param webClient supplies the WebClient to send requests with (its customizations,
	 * filters and observation apply)
	 * @param settings the API key, base URL, timeouts and retry settings
	 */
	public BlooioTemplate(Supplier<WebClient> webClient, BlooioClientSettings settings) {
		this(webClient, settings, Clock.systemUTC());
	}

	BlooioTemplate(Supplier<WebClient> webClient, BlooioClientSettings settings, Clock clock) {
		Assert.notNull(webClient, "webClient must not be null");
		Assert.notNull(settings, "settings must not be null");
		this.settings = settings;
		Supplier<WebClient> checkedWebClient = nonNull(webClient);
		this.operations = SingletonSupplier.of(() -> TemplateOperations.create(checkedWebClient, settings, clock));
	}

	private static Supplier<WebClient> supplierOf(WebClient webClient) {
		Assert.notNull(webClient, "webClient must not be null");
		return () -> webClient;
	}

	private static Supplier<WebClient> nonNull(Supplier<WebClient> webClient) {
		return () -> {
			WebClient client = webClient.get();
			Assert.state(client != null, "The WebClient supplier returned null");
			return client;
		};
	}

	/**
	 * Returns the settings this template uses.
	 * @return the settings
	 */
	public BlooioClientSettings getSettings() {
		return this.settings;
	}

	@Override
	public MessageOperations messages() {
		return this.operations.obtain().messages();
	}

	@Override
	public ChatOperations chats() {
		return this.operations.obtain().chats();
	}

	@Override
	public ContactOperations contacts() {
		return this.operations.obtain().contacts();
	}

	@Override
	public GroupOperations groups() {
		return this.operations.obtain().groups();
	}

	@Override
	public AccountOperations account() {
		return this.operations.obtain().account();
	}

	@Override
	public LocationOperations location() {
		return this.operations.obtain().location();
	}

	@Override
	public FaceTimeOperations facetime() {
		return this.operations.obtain().facetime();
	}

	@Override
	public PhoneNumberOperations phoneNumbers() {
		return this.operations.obtain().phoneNumbers();
	}

	@Override
	public WebhookOperations webhooks() {
		return this.operations.obtain().webhooks();
	}

	@Override
	public V4Operations v4() {
		return this.operations.obtain().v4();
	}

	@Override
	public String toString() {
		return "BlooioTemplate{baseUrl=" + this.settings.baseUrl() + "}";
	}

}
