package com.blooio.spring.webhook.catchup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.blooio.spring.support.RedisServer;
import com.blooio.spring.webhook.deduplication.RedisWebhookDeduplicationStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RedisCatchUpCheckpointStore} against a real Redis server: the shared
 * store contract, through Lettuce and through a connection factory that offers only
 * blocking connections (as Jedis's), and what is particular to Redis (the key and its
 * value, scripts, an unreachable server).
 */
class RedisCatchUpCheckpointStoreTests extends SharedCatchUpCheckpointStoreContractTests {

	@RegisterExtension
	static final RedisServer redisServer = new RedisServer();

	private static LettuceConnectionFactory connectionFactory;

	private static StringRedisTemplate redis;

	// a prefix of its own for each test: one server serves them all, nothing is flushed
	private final String keyPrefix = "test:" + UUID.randomUUID() + ":";

	private final List<LettuceConnectionFactory> otherInstances = new ArrayList<>();

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

	@AfterEach
	void disconnectOtherInstances() {
		this.otherInstances.forEach(LettuceConnectionFactory::destroy);
	}

	@Override
	CatchUpCheckpointStore createStore() {
		return new RedisCatchUpCheckpointStore(connectionFactory, this.keyPrefix);
	}

	@Override
	CatchUpCheckpointStore anotherInstance() {
		// a connection factory of its own, as another application instance has
		LettuceConnectionFactory another = connectTo(redisServer.getPort());
		this.otherInstances.add(another);
		return new RedisCatchUpCheckpointStore(another, this.keyPrefix);
	}

	@Test
	void checkpointIsOneKeyAfterTheKeyPrefixHoldingEpochMilliseconds() {
		store().save(T1);
		assertThat(redis.keys(this.keyPrefix + "*")).containsExactly(this.keyPrefix + "catch-up:checkpoint");
		assertThat(redis.opsForValue().get(this.keyPrefix + "catch-up:checkpoint"))
			.isEqualTo(Long.toString(T1.toEpochMilli()));
		assertThat(redis.getExpire(this.keyPrefix + "catch-up:checkpoint")).as("no expiry").isEqualTo(-1);
	}

	@Test
	void keyIsTheDeduplicationStoresDefaultKeyPrefixFollowedByCatchUpCheckpoint() {
		assertThat(new RedisCatchUpCheckpointStore(connectionFactory).getKey())
			.isEqualTo(RedisWebhookDeduplicationStore.DEFAULT_KEY_PREFIX + RedisCatchUpCheckpointStore.KEY)
			.isEqualTo("blooio:webhook:deduplication:catch-up:checkpoint");
	}

	@Test
	void storesUnderDifferentKeyPrefixesKeepCheckpointsApart() {
		CatchUpCheckpointStore otherApplication = new RedisCatchUpCheckpointStore(connectionFactory,
				"other:" + this.keyPrefix);
		store().save(T2);
		otherApplication.save(T1);
		assertThat(store().load()).isEqualTo(T2);
		assertThat(otherApplication.load()).isEqualTo(T1);
	}

	@Test
	void checkpointIsSavedAfterTheServerForgotItsScripts() {
		store().save(T1);
		redis.execute((RedisCallback<Object>) (connection) -> {
			connection.scriptingCommands().scriptFlush();
			return null;
		});
		store().save(T2);
		assertThat(store().load()).isEqualTo(T2);
	}

	@Test
	void keyHoldingSomethingElseIsReplacedBySaving() {
		redis.opsForValue().set(this.keyPrefix + "catch-up:checkpoint", "not a checkpoint");
		store().save(T1);
		assertThat(store().load()).isEqualTo(T1);
	}

	@Test
	void loadingAKeyHoldingSomethingElseFailsNamingTheKey() {
		redis.opsForValue().set(this.keyPrefix + "catch-up:checkpoint", "not a checkpoint");
		assertThatIllegalStateException().isThrownBy(() -> store().load())
			.withMessageContaining(this.keyPrefix + "catch-up:checkpoint");
	}

	@Test
	void savingFailsWhenRedisCannotBeReached() {
		LettuceConnectionFactory unreachable = connectTo(unusedPort());
		try {
			RedisCatchUpCheckpointStore store = new RedisCatchUpCheckpointStore(unreachable, this.keyPrefix);
			assertThatExceptionOfType(RedisConnectionFailureException.class).isThrownBy(() -> store.save(T1));
		}
		finally {
			unreachable.destroy();
		}
	}

	@Test
	void constructorRejectsNullConnectionFactory() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisCatchUpCheckpointStore(null, this.keyPrefix));
	}

	@Test
	void constructorRejectsNullKeyPrefix() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisCatchUpCheckpointStore(connectionFactory, null));
	}

	@Test
	void toStringNamesTheKey() {
		assertThat(store()).hasToString("RedisCatchUpCheckpointStore{key=" + this.keyPrefix + "catch-up:checkpoint}");
	}

	/**
	 * The shared contract again through a connection factory that offers no reactive
	 * connections, as Jedis's does not.
	 */
	@Nested
	class WithoutReactiveConnections extends SharedCatchUpCheckpointStoreContractTests {

		@Override
		CatchUpCheckpointStore createStore() {
			RedisConnectionFactory blocking = blockingOnly(connectionFactory);
			assertThat(blocking).isNotInstanceOf(ReactiveRedisConnectionFactory.class);
			return new RedisCatchUpCheckpointStore(blocking, RedisCatchUpCheckpointStoreTests.this.keyPrefix);
		}

		@Override
		CatchUpCheckpointStore anotherInstance() {
			return new RedisCatchUpCheckpointStore(blockingOnly(connectionFactory),
					RedisCatchUpCheckpointStoreTests.this.keyPrefix);
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
