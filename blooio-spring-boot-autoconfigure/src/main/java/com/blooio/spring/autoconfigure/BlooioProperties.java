package com.blooio.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import com.blooio.spring.client.BlooioClientSettings;

/**
 * Configuration properties for the Blooio client ({@code blooio.*}).
 * <p>
 * Setters reject invalid values, so a wrong property fails start-up with a message naming
 * it. {@link #toString()} never shows the API key.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(BlooioProperties.PREFIX)
public class BlooioProperties implements Validator {

	/** Prefix of every Blooio property. */
	public static final String PREFIX = "blooio";

	/**
	 * API key, sent as a bearer token. BlooioTemplate is created only when this is set;
	 * the BLOOIO_API_KEY environment variable sets it too.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the Blooio v2 API.
	 */
	private URI baseUrl = BlooioClientSettings.DEFAULT_BASE_URL;

	/**
	 * Sender number (E.164) used when a send names none. When unset, Blooio picks a
	 * number from the key's pool.
	 */
	private @Nullable String defaultFromNumber;

	/**
	 * Connect timeout of Blooio API calls. The Blooio client's connector is built like
	 * the application's (spring.http.clients.*) but follows no redirect, and gets this
	 * timeout when set. A ClientHttpConnector bean the application defined itself is kept
	 * unless this is set.
	 */
	private @Nullable Duration connectTimeout;

	/**
	 * Deadline of one attempt of a Blooio API call, from sending the request to reading
	 * the last byte of the answer.
	 */
	private Duration responseTimeout = Duration.ofSeconds(30);

	private final Retry retry = new Retry();

	private final Webhook webhook = new Webhook();

	private final Health health = new Health();

	private final Logging logging = new Logging();

	private final V4 v4 = new V4();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = (apiKey != null) ? apiKey.trim() : null;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		requireHttpUrl(baseUrl);
		this.baseUrl = baseUrl;
	}

	private static void requireHttpUrl(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		Assert.isTrue(url.isAbsolute() && (scheme.equals("http") || scheme.equals("https"))
				&& StringUtils.hasText(url.getHost()), "must be an absolute http(s) URL");
	}

	public @Nullable String getDefaultFromNumber() {
		return this.defaultFromNumber;
	}

	public void setDefaultFromNumber(@Nullable String defaultFromNumber) {
		this.defaultFromNumber = StringUtils.hasText(defaultFromNumber) ? defaultFromNumber.trim() : null;
	}

	public @Nullable Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(@Nullable Duration connectTimeout) {
		if (connectTimeout != null) {
			requirePositive(connectTimeout);
		}
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		requirePositive(responseTimeout);
		this.responseTimeout = responseTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Health getHealth() {
		return this.health;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public V4 getV4() {
		return this.v4;
	}

	/**
	 * Returns whether an API key is configured.
	 * @return {@code true} if {@code blooio.api-key} has text
	 */
	public boolean hasApiKey() {
		return StringUtils.hasText(this.apiKey);
	}

	/**
	 * Returns the client settings these properties describe.
	 * @return the settings
	 * @throws IllegalStateException if no API key is configured
	 */
	public BlooioClientSettings toClientSettings() {
		Assert.state(hasApiKey(), "blooio.api-key is not set");
		return clientSettings(this.apiKey, this.baseUrl, this.v4.baseUrl);
	}

	/**
	 * Returns the client settings for the given connection: its API key and base URLs,
	 * and everything else from these properties.
	 * @param connection where to connect to, and with which key
	 * @return the settings
	 */
	public BlooioClientSettings toClientSettings(BlooioConnectionDetails connection) {
		return clientSettings(connection.getApiKey(), connection.getBaseUrl(), connection.getV4BaseUrl());
	}

	private BlooioClientSettings clientSettings(String apiKey, URI baseUrl, URI v4BaseUrl) {
		return BlooioClientSettings.of(apiKey)
			.withBaseUrl(baseUrl)
			.withV4BaseUrl(v4BaseUrl)
			.withDefaultFromNumber(this.defaultFromNumber)
			.withResponseTimeout(this.responseTimeout)
			.withRetry(this.retry.maxAttempts, this.retry.initialBackoff, this.retry.maxBackoff)
			.withLogBodies(this.logging.includeBodies);
	}

	/**
	 * Checks rules that span several properties; Boot applies it while binding, so the
	 * failure names the property and where it was set. It applies to the {@code retry}
	 * group only, and so only when one of its properties is set (the defaults are valid):
	 * the validation machinery is a noticeable part of start-up otherwise.
	 */
	@Override
	public boolean supports(Class<?> type) {
		return Retry.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		Retry retry = (Retry) target;
		if (retry.maxBackoff.compareTo(retry.initialBackoff) < 0) {
			errors.rejectValue("maxBackoff", "blooio.retry.backoff",
					"must not be less than blooio.retry.initial-backoff (" + retry.initialBackoff + ")");
		}
	}

	private static void requirePositive(@Nullable Duration duration) {
		Assert.isTrue(duration != null && !duration.isNegative() && !duration.isZero(), "must be positive");
	}

	@Override
	public String toString() {
		return "BlooioProperties{apiKey=" + (hasApiKey() ? "******" : "<not set>") + ", baseUrl=" + this.baseUrl
				+ ", defaultFromNumber=" + this.defaultFromNumber + ", connectTimeout=" + this.connectTimeout
				+ ", responseTimeout=" + this.responseTimeout + ", v4=" + this.v4 + ", retry=" + this.retry
				+ ", webhook=" + this.webhook + ", health=" + this.health + ", logging=" + this.logging + "}";
	}

	/**
	 * Retries of transient failures.
	 */
	public static final class Retry {

		/**
		 * Attempts per API call, including the first. 1 disables retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry; doubles with each retry, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest wait between attempts. A Retry-After longer than this ends the retries.
		 */
		private Duration maxBackoff = Duration.ofSeconds(10);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			Assert.isTrue(maxAttempts >= 1, "must be at least 1");
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			requirePositive(initialBackoff);
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			requirePositive(maxBackoff);
			this.maxBackoff = maxBackoff;
		}

		@Override
		public String toString() {
			return "Retry{maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
					+ this.maxBackoff + "}";
		}

	}

	/**
	 * Blooio's v4 API, where webhook subscriptions and the event feed live.
	 */
	public static final class V4 {

		/**
		 * Base URL of Blooio's v4 API.
		 */
		private URI baseUrl = BlooioClientSettings.DEFAULT_V4_BASE_URL;

		public URI getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(URI baseUrl) {
			requireHttpUrl(baseUrl);
			this.baseUrl = baseUrl;
		}

		@Override
		public String toString() {
			return "V4{baseUrl=" + this.baseUrl + "}";
		}

	}

	/**
	 * DEBUG logging of Blooio API calls (logger
	 * com.blooio.spring.client.internal.ApiClient).
	 */
	public static final class Logging {

		/**
		 * Whether to include request and response bodies in the DEBUG log of Blooio API
		 * calls. Secrets are masked, but bodies hold personal data such as phone numbers
		 * and message text.
		 */
		private boolean includeBodies;

		public boolean isIncludeBodies() {
			return this.includeBodies;
		}

		public void setIncludeBodies(boolean includeBodies) {
			this.includeBodies = includeBodies;
		}

		@Override
		public String toString() {
			return "Logging{includeBodies=" + this.includeBodies + "}";
		}

	}

	/**
	 * The webhook endpoint that receives Blooio's events.
	 */
	public static final class Webhook {

		/**
		 * Whether to register the webhook endpoint. Defaults to on when a secret is set.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Path of the webhook endpoint.
		 */
		private String path = "/blooio/webhook";

		/**
		 * Signing secret of the webhook subscription (whsec_...), used as its literal
		 * UTF-8 bytes.
		 */
		private @Nullable String secret;

		/**
		 * Previous signing secrets still accepted, so a secret can be rotated without
		 * rejecting deliveries in flight.
		 */
		private List<String> previousSecrets = new ArrayList<>();

		/**
		 * How far a signature timestamp may be from now, in either direction.
		 */
		private Duration tolerance = Duration.ofMinutes(5);

		/**
		 * Largest webhook body accepted; larger deliveries are refused with 413 while
		 * being read.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		/**
		 * Whether to accept deliveries without a valid signature. Only for local testing:
		 * a warning is logged at every start.
		 */
		private boolean allowUnsigned;

		/**
		 * URL Blooio should deliver to, path included. When set, a v4 subscription for it
		 * is made sure of once the application is ready: created (its signing secret kept
		 * in the WebhookSecretStore) or updated to the event types.
		 */
		private @Nullable URI publicUrl;

		/**
		 * Event types the subscription for the public URL receives: exact types,
		 * wildcards such as message.*, or *.
		 */
		private List<String> eventTypes = new ArrayList<>(List.of("*"));

		private final Deduplication deduplication = new Deduplication();

		private final Listener listener = new Listener();

		private final CatchUp catchUp = new CatchUp();

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			Assert.isTrue(StringUtils.hasText(path) && path.startsWith("/") && !path.contains(" "),
					"must be a path starting with '/'");
			this.path = path;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = StringUtils.hasText(secret) ? secret.trim() : null;
		}

		public List<String> getPreviousSecrets() {
			return this.previousSecrets;
		}

		public void setPreviousSecrets(List<String> previousSecrets) {
			this.previousSecrets = previousSecrets;
		}

		public Duration getTolerance() {
			return this.tolerance;
		}

		public void setTolerance(Duration tolerance) {
			requirePositive(tolerance);
			this.tolerance = tolerance;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			Assert.isTrue(maxBodySize != null && maxBodySize.toBytes() > 0, "must be positive");
			this.maxBodySize = maxBodySize;
		}

		public boolean isAllowUnsigned() {
			return this.allowUnsigned;
		}

		public void setAllowUnsigned(boolean allowUnsigned) {
			this.allowUnsigned = allowUnsigned;
		}

		public @Nullable URI getPublicUrl() {
			return this.publicUrl;
		}

		public void setPublicUrl(@Nullable URI publicUrl) {
			if (publicUrl != null) {
				requireHttpUrl(publicUrl);
			}
			this.publicUrl = publicUrl;
		}

		public List<String> getEventTypes() {
			return this.eventTypes;
		}

		public void setEventTypes(List<String> eventTypes) {
			Assert.isTrue(
					eventTypes != null && !eventTypes.isEmpty() && eventTypes.stream().allMatch(StringUtils::hasText),
					"must name at least one event type");
			this.eventTypes = eventTypes;
		}

		public Deduplication getDeduplication() {
			return this.deduplication;
		}

		public Listener getListener() {
			return this.listener;
		}

		public CatchUp getCatchUp() {
			return this.catchUp;
		}

		/**
		 * Returns the secrets to verify with, current first.
		 * @return the secrets, empty if none is set
		 */
		public List<String> secrets() {
			List<String> secrets = new ArrayList<>();
			if (this.secret != null) {
				secrets.add(this.secret);
			}
			this.previousSecrets.stream().filter(StringUtils::hasText).map(String::trim).forEach(secrets::add);
			return secrets;
		}

		@Override
		public String toString() {
			return "Webhook{enabled=" + this.enabled + ", path=" + this.path + ", secret="
					+ ((this.secret != null) ? "******" : "<not set>") + ", previousSecrets="
					+ this.previousSecrets.size() + ", tolerance=" + this.tolerance + ", maxBodySize="
					+ this.maxBodySize + ", allowUnsigned=" + this.allowUnsigned + ", publicUrl=" + this.publicUrl
					+ ", eventTypes=" + this.eventTypes + ", deduplication=" + this.deduplication + ", listener="
					+ this.listener + ", catchUp=" + this.catchUp + "}";
		}

	}

	/**
	 * Catch-up after an outage: events Blooio's v4 event feed holds since the last
	 * checkpoint are published through the webhook pipeline and its de-duplication store,
	 * at start-up when enabled and through the {@code blooiocatchup} Actuator endpoint.
	 */
	public static final class CatchUp {

		/**
		 * Whether to catch up once the application has started.
		 */
		private boolean onStartup;

		/**
		 * How far back to read the event feed at most, and when there is no checkpoint.
		 * Defaults to the de-duplication retention; a longer one could publish an event
		 * handled before the retention ended again.
		 */
		private @Nullable Duration maxAge;

		/**
		 * How far before the checkpoint to read the feed again, for events recorded a
		 * little out of order.
		 */
		private Duration overlap = Duration.ofMinutes(5);

		public boolean isOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(boolean onStartup) {
			this.onStartup = onStartup;
		}

		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(@Nullable Duration maxAge) {
			if (maxAge != null) {
				requirePositive(maxAge);
			}
			this.maxAge = maxAge;
		}

		public Duration getOverlap() {
			return this.overlap;
		}

		public void setOverlap(Duration overlap) {
			Assert.isTrue(overlap != null && !overlap.isNegative(), "must not be negative");
			this.overlap = overlap;
		}

		@Override
		public String toString() {
			return "CatchUp{onStartup=" + this.onStartup + ", maxAge=" + this.maxAge + ", overlap=" + this.overlap
					+ "}";
		}

	}

	/**
	 * Where webhook listeners run on WebFlux: on threads of their own, never on the event
	 * loop, with bounds so that an overloaded application answers 503 at once instead of
	 * letting deliveries wait past Blooio's timeout. On servlet, listeners run on the
	 * request thread, which the server's own thread pool bounds.
	 */
	public static final class Listener {

		/**
		 * Most deliveries whose listeners run at once (WebFlux). Each runs on a thread of
		 * the endpoint's own pool, or on a virtual thread of its own when
		 * spring.threads.virtual.enabled is set.
		 */
		private int concurrency = 8;

		/**
		 * Most deliveries waiting for their listeners to run (WebFlux); further ones are
		 * answered 503 with Retry-After, so that Blooio delivers them again later. A
		 * waiting delivery must still be answered within Blooio's timeout of about 5
		 * seconds: keep it below 5 seconds' worth of listener throughput.
		 */
		private int queueCapacity = 100;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			Assert.isTrue(concurrency >= 1, "must be at least 1");
			this.concurrency = concurrency;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			Assert.isTrue(queueCapacity >= 0, "must not be negative");
			this.queueCapacity = queueCapacity;
		}

		@Override
		public String toString() {
			return "Listener{concurrency=" + this.concurrency + ", queueCapacity=" + this.queueCapacity + "}";
		}

	}

	/**
	 * De-duplication of Blooio's webhook redeliveries.
	 */
	public static final class Deduplication {

		/**
		 * Where handled deliveries are remembered: in this instance's memory, or shared
		 * by every instance in Redis or a JDBC database.
		 */
		private Store store = Store.MEMORY;

		/**
		 * How long a handled delivery is remembered: its redeliveries within it are not
		 * published again.
		 */
		private Duration retention = Duration.ofHours(24);

		/**
		 * How long a delivery being handled is held for its listeners. Listeners must
		 * finish within it; once it ends (the instance died, say), a redelivery is
		 * handled again.
		 */
		private Duration lease = Duration.ofSeconds(30);

		private final Memory memory = new Memory();

		private final Redis redis = new Redis();

		private final Jdbc jdbc = new Jdbc();

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			Assert.notNull(store, "must be memory, redis or jdbc");
			this.store = store;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			requirePositive(retention);
			this.retention = retention;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			requirePositive(lease);
			this.lease = lease;
		}

		public Memory getMemory() {
			return this.memory;
		}

		public Redis getRedis() {
			return this.redis;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		@Override
		public String toString() {
			return "Deduplication{store=" + this.store + ", retention=" + this.retention + ", lease=" + this.lease
					+ ", memory=" + this.memory + ", redis=" + this.redis + ", jdbc=" + this.jdbc + "}";
		}

		/**
		 * The kinds of de-duplication store.
		 */
		public enum Store {

			/** This instance's memory: for a single instance. */
			MEMORY,

			/** Redis, through the application's {@code RedisConnectionFactory}. */
			REDIS,

			/** A database, through the application's {@code DataSource}. */
			JDBC

		}

		/**
		 * The in-memory store.
		 */
		public static final class Memory {

			/**
			 * Most deliveries remembered at once; beyond it the oldest are forgotten
			 * first, even before their retention ends.
			 */
			private int maxEntries = 100_000;

			public int getMaxEntries() {
				return this.maxEntries;
			}

			public void setMaxEntries(int maxEntries) {
				Assert.isTrue(maxEntries >= 1, "must be at least 1");
				this.maxEntries = maxEntries;
			}

			@Override
			public String toString() {
				return "Memory{maxEntries=" + this.maxEntries + "}";
			}

		}

		/**
		 * The Redis store.
		 */
		public static final class Redis {

			/**
			 * Prefix of the keys the store writes.
			 */
			private String keyPrefix = "blooio:webhook:deduplication:";

			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			public void setKeyPrefix(String keyPrefix) {
				Assert.hasText(keyPrefix, "must not be empty");
				this.keyPrefix = keyPrefix;
			}

			@Override
			public String toString() {
				return "Redis{keyPrefix=" + this.keyPrefix + "}";
			}

		}

		/**
		 * The JDBC store.
		 */
		public static final class Jdbc {

			/**
			 * When to create the store's table: for an embedded database only, always, or
			 * never (create it yourself from the schema scripts).
			 */
			private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

			/**
			 * Name of the store's table, optionally qualified by its schema.
			 */
			private String tableName = "BLOOIO_WEBHOOK_DEDUPLICATION";

			public InitializeSchema getInitializeSchema() {
				return this.initializeSchema;
			}

			public void setInitializeSchema(InitializeSchema initializeSchema) {
				Assert.notNull(initializeSchema, "must be embedded, always or never");
				this.initializeSchema = initializeSchema;
			}

			public String getTableName() {
				return this.tableName;
			}

			public void setTableName(String tableName) {
				Assert.isTrue(
						tableName != null && tableName.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?"),
						"must be a table name, optionally qualified by a schema");
				this.tableName = tableName;
			}

			@Override
			public String toString() {
				return "Jdbc{initializeSchema=" + this.initializeSchema + ", tableName=" + this.tableName + "}";
			}

			/**
			 * When the store's table is created, as Spring Session and Spring Batch
			 * decide for theirs.
			 */
			public enum InitializeSchema {

				/**
				 * Only when the {@code DataSource} is an embedded database (H2, HSQLDB,
				 * Derby).
				 */
				EMBEDDED,

				/** Always, when missing. */
				ALWAYS,

				/** Never: the application creates it. */
				NEVER

			}

		}

	}

	/**
	 * The Blooio health indicator ({@code management.health.blooio.enabled} switches it
	 * off).
	 */
	public static final class Health {

		/**
		 * Time to live of the Blooio health check's result, failed checks included.
		 * Probes within it get the cached result instead of calling Blooio; 0 calls
		 * Blooio at every probe.
		 */
		private Duration cacheTimeToLive = Duration.ofSeconds(30);

		/**
		 * Longest a Blooio health check may take, retries included; a check that takes
		 * longer reports DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		public Duration getCacheTimeToLive() {
			return this.cacheTimeToLive;
		}

		public void setCacheTimeToLive(Duration cacheTimeToLive) {
			Assert.isTrue(cacheTimeToLive != null && !cacheTimeToLive.isNegative(),
					"blooio.health.cache-time-to-live must not be negative");
			this.cacheTimeToLive = cacheTimeToLive;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(),
					"blooio.health.timeout must be positive");
			this.timeout = timeout;
		}

		@Override
		public String toString() {
			return "Health{cacheTimeToLive=" + this.cacheTimeToLive + ", timeout=" + this.timeout + "}";
		}

	}

}
