package com.blooio.spring.webhook.catchup;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import com.blooio.spring.webhook.deduplication.RedisWebhookDeduplicationStore;

/**
 * A {@link CatchUpCheckpointStore} in Redis, shared by every instance that uses the same
 * server and key prefix, and kept across their restarts.
 * <p>
 * The checkpoint is one Redis string without expiry: the key prefix followed by
 * {@value #KEY}, holding the checkpoint in epoch milliseconds (a checkpoint is saved
 * rounded down to the millisecond, so it never claims more than was published). The key
 * prefix is the de-duplication store's, so that the instances sharing de-duplication keys
 * share the checkpoint too, and one prefix keeps apart the applications sharing a server;
 * every de-duplication key holds a {@code |}, so none is taken for the checkpoint.
 * <p>
 * Saving is one Lua script, atomic on the server: it writes the checkpoint only when the
 * key is absent, holds an earlier one, or holds no number at all. Every call waits for
 * its answer, through Lettuce or Jedis alike; Redis must keep the key (an eviction policy
 * other than {@code noeviction} may drop it, and the next catch-up would then read as far
 * back as it is allowed to).
 *
 * @since 0.1.0
 */
public final class RedisCatchUpCheckpointStore implements CatchUpCheckpointStore {

	/** Key of the checkpoint, after the key prefix. */
	public static final String KEY = "catch-up:checkpoint";

	/**
	 * KEYS[1] the key; ARGV[1] the checkpoint in epoch milliseconds. Returns 1 when
	 * written, 0 when the key holds the same or a later checkpoint.
	 */
	private static final RedisScript<Long> SAVE = new DefaultRedisScript<>("""
			local saved = tonumber(redis.call('GET', KEYS[1]))
			if saved and saved >= tonumber(ARGV[1]) then
				return 0
			end
			redis.call('SET', KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String key;

	/**
	 * Creates a store under the de-duplication store's default key prefix
	 * ({@link RedisWebhookDeduplicationStore#DEFAULT_KEY_PREFIX}).
	 * @param connectionFactory the connections to Redis, typically the application's
	 */
	public RedisCatchUpCheckpointStore(RedisConnectionFactory connectionFactory) {
		this(connectionFactory, RedisWebhookDeduplicationStore.DEFAULT_KEY_PREFIX);
	}

	/**
	 * Creates a store.
	 * @param connectionFactory the connections to Redis, typically the application's
	 * @param keyPrefix put before {@value #KEY}: the de-duplication store's, to share the
	 * checkpoint with exactly the instances that share its keys
	 */
	public RedisCatchUpCheckpointStore(RedisConnectionFactory connectionFactory, String keyPrefix) {
		if (connectionFactory == null) {
			throw new IllegalArgumentException("connectionFactory must not be null");
		}
		if (keyPrefix == null) {
			throw new IllegalArgumentException("keyPrefix must not be null");
		}
		this.redis = new StringRedisTemplate(connectionFactory);
		this.key = keyPrefix + KEY;
	}

	@Override
	public @Nullable Instant load() {
		String saved = this.redis.opsForValue().get(this.key);
		if (saved == null) {
			return null;
		}
		try {
			return Instant.ofEpochMilli(Long.parseLong(saved));
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("Redis key " + this.key
					+ " holds no catch-up checkpoint (epoch milliseconds); delete it to catch up as far back as allowed",
					ex);
		}
	}

	@Override
	public void save(Instant checkpoint) {
		if (checkpoint == null) {
			throw new IllegalArgumentException("checkpoint must not be null");
		}
		// sent by its digest, loaded on first use (StringRedisTemplate does both)
		this.redis.execute(SAVE, List.of(this.key), Long.toString(checkpoint.toEpochMilli()));
	}

	/**
	 * Returns the key that holds the checkpoint.
	 * @return the key prefix followed by {@value #KEY}
	 */
	public String getKey() {
		return this.key;
	}

	@Override
	public String toString() {
		return "RedisCatchUpCheckpointStore{key=" + this.key + "}";
	}

}
