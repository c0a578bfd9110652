package com.blooio.spring.webhook.deduplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.blooio.spring.support.RedisServer;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link RedisWebhookDeduplicationStore} against a real Redis server: the store
 * contract, and what is particular to Redis (expiry as the keys' time to live, key
 * prefix, owner tokens shared by instances, scripts, an unreachable server).
 */
class RedisWebhookDeduplicationStoreTests extends WebhookDeduplicationStoreContractTests {

	@RegisterExtension
	static final RedisServer redisServer = new RedisServer();

	/** Time a test may take between writing a key and reading its time to live. */
	private static final long TOLERANCE_MILLIS = Duration.ofSeconds(10).toMillis();

	private static LettuceConnectionFactory connectionFactory;

	private static StringRedisTemplate redis;

	// a prefix of its own for each test: one server serves them all, nothing is flushed
	private final String keyPrefix = "test:" + UUID.randomUUID() + ":";

	@BeforeAll
	static void connect() {
		connectionFactory = connectTo(redisServer.getPort());
		redis = new StringRedisTemplate(connectionFactory);
	}

	@AfterAll
	static void disconnect() {
		if (connectionFactory != null) {
			connectionFactory.destroy();
		}
	}

	@Override
	protected RedisWebhookDeduplicationStore createStore() {
		return new RedisWebhookDeduplicationStore(connectionFactory, this.keyPrefix, RETENTION);
	}

	@Override
	protected RedisWebhookDeduplicationStore store() {
		return (RedisWebhookDeduplicationStore) super.store();
	}

	@Override
	protected void expire(String key) {
		String redisKey = this.keyPrefix + key;
		redis.expire(redisKey, Duration.ofMillis(1));
		Awaitility.await("expiry of " + redisKey)
			.atMost(Duration.ofSeconds(5))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(1))
			.until(() -> !redis.hasKey(redisKey));
	}

	@Test
	void leaseBecomesTheKeysTimeToLive() {
		store().claim("k", LEASE);
		assertThat(timeToLive("k")).isCloseTo(LEASE.toMillis() - TOLERANCE_MILLIS / 2, within(TOLERANCE_MILLIS / 2));
	}

	@Test
	void retentionBecomesTheKeysTimeToLiveOnCompletion() {
		Claim claim = store().claim("k", LEASE);
		store().complete("k", claim.owner());
		assertThat(timeToLive("k")).isCloseTo(RETENTION.toMillis() - TOLERANCE_MILLIS / 2,
				within(TOLERANCE_MILLIS / 2));
	}

	@Test
	void completionAfterTheLeaseRanOutIsKeptForTheRetention() {
		Claim claim = store().claim("k", LEASE);
		expire("k");
		store().complete("k", claim.owner());
		assertThat(timeToLive("k")).isCloseTo(RETENTION.toMillis() - TOLERANCE_MILLIS / 2,
				within(TOLERANCE_MILLIS / 2));
	}

	@Test
	void leaseShorterThanAMillisecondHoldsForOne() {
		assertThat(store().claim("k", Duration.ofNanos(1)).isClaimed()).isTrue();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(1))
			.until(() -> store().claim("k", LEASE).isClaimed());
	}

	@Test
	void keysAreWrittenUnderTheKeyPrefixOnly() {
		Claim a = store().claim("id|evt_a", LEASE);
		Claim b = store().claim("id|evt_b", LEASE);
		store().complete("id|evt_b", b.owner());
		assertThat(redis.keys(this.keyPrefix + "*")).containsExactlyInAnyOrder(this.keyPrefix + "id|evt_a",
				this.keyPrefix + "id|evt_b");
		assertThat(redis.opsForValue().get(this.keyPrefix + "id|evt_a")).isEqualTo("lease:" + a.owner());
		assertThat(redis.opsForValue().get(this.keyPrefix + "id|evt_b")).isEqualTo("done");
	}

	@Test
	void storesWithDifferentKeyPrefixesAreIndependent() {
		RedisWebhookDeduplicationStore other = new RedisWebhookDeduplicationStore(connectionFactory,
				"other:" + this.keyPrefix, RETENTION);
		Claim claim = store().claim("k", LEASE);
		store().complete("k", claim.owner());
		assertThat(other.claim("k", LEASE).isClaimed()).isTrue();
	}

	@Test
	void ownerTokensAreUniqueAcrossInstancesSharingTheServer() {
		RedisWebhookDeduplicationStore otherInstance = createStore();
		Set<String> owners = new HashSet<>();
		for (int i = 0; i < 500; i++) {
			owners.add(store().claim("a" + i, LEASE).owner());
			owners.add(otherInstance.claim("b" + i, LEASE).owner());
		}
		assertThat(owners).hasSize(1000);
	}

	@Test
	void instancesSharingTheServerSeeEachOthersLeasesAndCompletions() {
		RedisWebhookDeduplicationStore otherInstance = createStore();
		Claim claim = store().claim("k", LEASE);
		assertThat(otherInstance.claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
		assertThat(otherInstance.complete("k", "not-the-owner")).isFalse();
		assertThat(otherInstance.complete("k", claim.owner())).isTrue();
		assertThat(store().claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void eachOperationIsOneScriptRunByItsDigest() {
		// on the webhook hot path: one round trip per claim, complete or release
		Claim warmUp = store().claim("warm-up", LEASE);
		store().complete("warm-up", warmUp.owner());
		store().release("warm-up", warmUp.owner());
		redis.execute((RedisCallback<Void>) (connection) -> {
			connection.serverCommands().resetConfigStats();
			return null;
		});
		Claim claim = store().claim("k", LEASE);
		store().claim("k", LEASE);
		store().complete("k", claim.owner());
		store().release("k", claim.owner());
		Properties stats = redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("commandstats"));
		assertThat(stats).containsKey("cmdstat_evalsha").doesNotContainKeys("cmdstat_eval", "cmdstat_script");
		assertThat(stats.getProperty("cmdstat_evalsha")).startsWith("calls=4,");
	}

	@Test
	void scriptsAreLoadedAgainWhenRedisHasForgottenThem() {
		// as after a restart or a fail-over of the server
		store().claim("before", LEASE);
		redis.execute((RedisCallback<Void>) (connection) -> {
			connection.scriptingCommands().scriptFlush();
			return null;
		});
		Claim claim = store().claim("after", LEASE);
		assertThat(claim.isClaimed()).isTrue();
		assertThat(store().complete("after", claim.owner())).isTrue();
		assertThat(store().release("before", "nobody")).isFalse();
	}

	@Test
	void claimFailsWhenRedisCannotBeReached() {
		LettuceConnectionFactory unreachable = connectTo(unusedPort());
		try {
			RedisWebhookDeduplicationStore store = new RedisWebhookDeduplicationStore(unreachable, this.keyPrefix,
					RETENTION);
			assertThatExceptionOfType(RedisConnectionFailureException.class).isThrownBy(() -> store.claim("k", LEASE));
		}
		finally {
			unreachable.destroy();
		}
	}

	@Test
	void asynchronousCompletionFailsWhenRedisCannotBeReached() {
		LettuceConnectionFactory unreachable = connectTo(unusedPort());
		try {
			RedisWebhookDeduplicationStore store = new RedisWebhookDeduplicationStore(unreachable, this.keyPrefix,
					RETENTION);
			assertThat(store.completeAsync("k", "owner").toCompletableFuture()).failsWithin(Duration.ofSeconds(30))
				.withThrowableThat()
				.havingRootCause()
				.isInstanceOf(java.net.ConnectException.class);
		}
		finally {
			unreachable.destroy();
		}
	}

	@Test
	void stopWaitsForCompletionsThatRedisHasNotAnsweredYet() {
		Claim claim = store().claim("k", LEASE);
		// the store's connection is held up: Redis answers nobody for half a second
		redis.execute((RedisCallback<Object>) (connection) -> connection.execute("CLIENT",
				"PAUSE".getBytes(StandardCharsets.UTF_8), "500".getBytes(StandardCharsets.UTF_8),
				"ALL".getBytes(StandardCharsets.UTF_8)));
		CompletableFuture<Boolean> completion = store().completeAsync("k", claim.owner()).toCompletableFuture();
		store().stop();
		assertThat(completion).isCompletedWithValue(true);
		assertThat(store().isRunning()).isFalse();
	}

	@Test
	void storeStopsAfterTheWebServerAndBeforeTheConnectionFactory() {
		// Spring Boot stops its web servers in phase DEFAULT_PHASE - 2048
		assertThat(store().getPhase()).isGreaterThan(connectionFactory.getPhase())
			.isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
	}

	@Test
	void claimsWithoutBlockingThroughLettuce() {
		assertThat(store().claimsWithoutBlocking()).isTrue();
	}

	@Test
	void claimRejectsZeroLease() {
		assertThatIllegalArgumentException().isThrownBy(() -> store().claim("k", Duration.ZERO));
	}

	@Test
	void constructorRejectsNullConnectionFactory() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisWebhookDeduplicationStore(null, this.keyPrefix, RETENTION));
	}

	@Test
	void constructorRejectsNullKeyPrefix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisWebhookDeduplicationStore(connectionFactory, null, RETENTION));
	}

	@Test
	void constructorRejectsZeroRetention() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisWebhookDeduplicationStore(connectionFactory, this.keyPrefix, Duration.ZERO));
	}

	@Test
	void constructorRejectsNegativeRetention() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new RedisWebhookDeduplicationStore(connectionFactory, this.keyPrefix, Duration.ofSeconds(-1)));
	}

	/**
	 * The contract again through a connection factory that offers no reactive
	 * connections, as Jedis's does not: every call waits for its answer.
	 */
	@Nested
	class WithoutReactiveConnections extends WebhookDeduplicationStoreContractTests {

		@Override
		protected WebhookDeduplicationStore createStore() {
			return new RedisWebhookDeduplicationStore(blockingOnly(connectionFactory),
					RedisWebhookDeduplicationStoreTests.this.keyPrefix, RETENTION);
		}

		@Override
		protected void expire(String key) {
			RedisWebhookDeduplicationStoreTests.this.expire(key);
		}

		@Test
		void claimsBlockingWithoutReactiveConnections() {
			assertThat(store().claimsWithoutBlocking()).isFalse();
		}

		@Test
		void asynchronousCompletionHasCompletedWhenItReturns() {
			Claim claim = store().claim("k", LEASE);
			assertThat(store().completeAsync("k", claim.owner()).toCompletableFuture()).isCompletedWithValue(true);
		}

		private static RedisConnectionFactory blockingOnly(RedisConnectionFactory factory) {
			return new RedisConnectionFactory() {

				@Override
				public RedisConnection getConnection() {
					return factory.getConnection();
				}

				@Override
				public RedisClusterConnection getClusterConnection() {
					return factory.getClusterConnection();
				}

				@Override
				public RedisSentinelConnection getSentinelConnection() {
					return factory.getSentinelConnection();
				}

				@Override
				public boolean getConvertPipelineAndTxResults() {
					return factory.getConvertPipelineAndTxResults();
				}

				@Override
				public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
					return factory.translateExceptionIfPossible(ex);
				}

			};
		}

	}

	private long timeToLive(String key) {
		Long millis = redis.getExpire(this.keyPrefix + key, TimeUnit.MILLISECONDS);
		assertThat(millis).as("time to live of %s", key).isNotNull().isPositive();
		return millis;
	}

	private static LettuceConnectionFactory connectTo(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(redisServer.getHost(), port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
