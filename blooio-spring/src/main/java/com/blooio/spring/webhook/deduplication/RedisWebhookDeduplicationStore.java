package com.blooio.spring.webhook.deduplication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * A {@link WebhookDeduplicationStore} in Redis, shared by every instance that uses the
 * same server and key prefix, and kept across their restarts.
 * <p>
 * A key is one Redis string under the key prefix. While a delivery is being handled it
 * holds {@code lease:} and the owner token (a random UUID) and expires with the lease;
 * once the delivery is handled it holds {@code done} and expires when the retention
 * window ends. Redis expiry does all the forgetting: the store purges nothing, and the
 * lease of an instance that died simply runs out.
 * <p>
 * Every operation is one Lua script, so one round trip, atomic on the server. A claim
 * sets the lease if the key is absent and otherwise says whether it holds a lease or a
 * completion; completing replaces the owner's own lease, or the absent key if that lease
 * ran out and nobody claimed the key since, with the completion; releasing deletes the
 * key only if it holds the owner's own lease. Scripts are sent by their SHA-1 digest and
 * loaded on first use. Each touches one key, so the store also works on Redis Cluster.
 * <p>
 * Redis must keep the keys until they expire: under memory pressure, an eviction policy
 * other than {@code noeviction} may drop a key early, and a redelivery of it would be
 * published again.
 *
 * @since 0.1.0
 */
public final class RedisWebhookDeduplicationStore implements WebhookDeduplicationStore {

	/** Key prefix used unless another is given. */
	public static final String DEFAULT_KEY_PREFIX = "blooio:webhook:deduplication:";

	private static final String LEASE = "lease:";

	private static final String DONE = "done";

	private static final long CLAIMED = 0;

	private static final long COMPLETED = 2;

	/**
	 * KEYS[1] the key; ARGV[1] the new lease value, ARGV[2] the lease in milliseconds.
	 * Returns 0 when claimed, 1 when the key holds a lease, 2 when it holds a completion.
	 */
	private static final Script CLAIM = Script.of("""
			local current = redis.call('GET', KEYS[1])
			if not current then
				redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
				return 0
			end
			if current == '%s' then
				return 2
			end
			return 1
			""".formatted(DONE));

	/**
	 * KEYS[1] the key; ARGV[1] the owner's lease value, ARGV[2] the retention in
	 * milliseconds. Returns 1 when completed, 0 when another owner has the key.
	 */
	private static final Script COMPLETE = Script.of("""
			local current = redis.call('GET', KEYS[1])
			if current == ARGV[1] or not current then
				redis.call('SET', KEYS[1], '%s', 'PX', ARGV[2])
				return 1
			end
			return 0
			""".formatted(DONE));

	/**
	 * KEYS[1] the key; ARGV[1] the owner's lease value. Returns 1 when released, 0 when
	 * the key does not hold that lease.
	 */
	private static final Script RELEASE = Script.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				redis.call('DEL', KEYS[1])
				return 1
			end
			return 0
			""");

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration retention;

	private final String retentionMillis;

	/**
	 * Creates a store.
	 * @param connectionFactory the connections to Redis, typically the application's
	 * @param keyPrefix put before every de-duplication key, to keep the store's keys
	 * apart from the application's own
	 * @param retention how long a handled key is remembered
	 */
	public RedisWebhookDeduplicationStore(RedisConnectionFactory connectionFactory, String keyPrefix,
			Duration retention) {
		if (connectionFactory == null) {
			throw new IllegalArgumentException("connectionFactory must not be null");
		}
		if (keyPrefix == null) {
			throw new IllegalArgumentException("keyPrefix must not be null");
		}
		if (retention == null || retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("retention must be positive");
		}
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
		this.retention = retention;
		this.retentionMillis = Long.toString(atLeastOneMilli(retention));
	}

	@Override
	public Claim claim(String key, Duration lease) {
		if (lease == null || lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("lease must be positive");
		}
		String owner = UUID.randomUUID().toString();
		long status = run(CLAIM, key, LEASE + owner, Long.toString(atLeastOneMilli(lease)));
		if (status == CLAIMED) {
			return Claim.claimed(owner);
		}
		return (status == COMPLETED) ? Claim.COMPLETED : Claim.IN_PROGRESS;
	}

	@Override
	public boolean complete(String key, String owner) {
		return run(COMPLETE, key, LEASE + owner, this.retentionMillis) == 1;
	}

	@Override
	public boolean release(String key, String owner) {
		return run(RELEASE, key, LEASE + owner) == 1;
	}

	/**
	 * Returns the prefix put before every de-duplication key.
	 * @return the key prefix
	 */
	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	@Override
	public String toString() {
		return "RedisWebhookDeduplicationStore{keyPrefix=" + this.keyPrefix + ", retention=" + this.retention + "}";
	}

	private long run(Script script, String key, String... args) {
		byte[][] keyAndArgs = new byte[1 + args.length][];
		keyAndArgs[0] = (this.keyPrefix + key).getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < args.length; i++) {
			keyAndArgs[i + 1] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		// straight to the connection: the template's script executor serializes every
		// argument and result through its serializers, which costs more than the call
		Long result = this.redis.execute((RedisCallback<Long>) (connection) -> {
			try {
				return connection.scriptingCommands().evalSha(script.sha1(), ReturnType.INTEGER, 1, keyAndArgs);
			}
			catch (RuntimeException ex) {
				if (!isNoScript(ex)) {
					throw ex;
				}
				// first use since the server started: EVAL loads the script
				return connection.scriptingCommands().eval(script.source(), ReturnType.INTEGER, 1, keyAndArgs);
			}
		});
		if (result == null) {
			// only inside a pipeline or transaction, which this store never opens
			throw new IllegalStateException("Redis returned no result for a de-duplication script");
		}
		return result;
	}

	private static boolean isNoScript(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.contains("NOSCRIPT")) {
				return true;
			}
		}
		return false;
	}

	private static long atLeastOneMilli(Duration duration) {
		// PX takes whole milliseconds and refuses 0
		return Math.max(1, duration.toMillis());
	}

	/**
	 * A Lua script and its SHA-1 digest, computed once.
	 */
	private record Script(byte[] source, String sha1) {

		static Script of(String source) {
			return new Script(source.getBytes(StandardCharsets.UTF_8),
					new DefaultRedisScript<>(source, Long.class).getSha1());
		}

	}

}
