package com.blooio.spring.webhook.deduplication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * A {@link WebhookDeduplicationStore} in Redis, shared by every instance that uses the
 * same server and key prefix, and kept across their restarts.
 * <p>
 * A key is one Redis string under the key prefix. While a delivery is being handled it
 * holds {@code lease:} and the owner token and expires with the lease; once the delivery
 * is handled it holds {@code done} and expires when the retention window ends. Redis
 * expiry does all the forgetting: the store purges nothing, and the lease of an instance
 * that died simply runs out.
 * <p>
 * Every operation is one Lua script, so one round trip, atomic on the server. A claim
 * sets the lease if the key is absent and otherwise says whether it holds a lease or a
 * completion; completing replaces the owner's own lease, or the absent key if that lease
 * ran out and nobody claimed the key since, with the completion; releasing deletes the
 * key only if it holds the owner's own lease. Scripts are sent by their SHA-1 digest and
 * loaded on first use. Each touches one key, so the store also works on Redis Cluster.
 * <p>
 * When the connection factory is also a {@link ReactiveRedisConnectionFactory} (Lettuce's
 * is), every script goes through its reactive connection, and {@link #completeAsync
 * completing} sends the command without waiting for the answer; a claim made afterwards
 * travels the same connection behind it. Otherwise (Jedis) every call waits for its
 * answer.
 * <p>
 * Redis must keep the keys until they expire: under memory pressure, an eviction policy
 * other than {@code noeviction} may drop a key early, and a redelivery of it would be
 * published again.
 *
 * @since 0.1.0
 */
public final class RedisWebhookDeduplicationStore implements WebhookDeduplicationStore, SmartLifecycle {

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

	/**
	 * The lifecycle phase in which the store stops: after the web server has stopped
	 * taking deliveries, before the connection factory (phase 0 unless set) closes its
	 * connections.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	/** Longest {@link #stop} waits for completions still on their way. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private volatile boolean running;

	private static final Log logger = LogFactory.getLog(RedisWebhookDeduplicationStore.class);

	private final Set<CompletableFuture<Boolean>> pendingCompletions = ConcurrentHashMap.newKeySet();

	private final OwnerTokens owners = new OwnerTokens();

	private final RedisConnectionFactory connectionFactory;

	private final @Nullable ReactiveRedisConnectionFactory reactiveConnectionFactory;

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
		this.connectionFactory = connectionFactory;
		this.reactiveConnectionFactory = (connectionFactory instanceof ReactiveRedisConnectionFactory reactive)
				? reactive : null;
		this.keyPrefix = keyPrefix;
		this.retention = retention;
		this.retentionMillis = Long.toString(atLeastOneMilli(retention));
	}

	@Override
	public Claim claim(String key, Duration lease) {
		return await(claimAsync(key, lease));
	}

	@Override
	public CompletionStage<Claim> claimAsync(String key, Duration lease) {
		if (lease == null || lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("lease must be positive");
		}
		String owner = this.owners.next();
		return run(CLAIM, key, LEASE + owner, Long.toString(atLeastOneMilli(lease))).thenApply((status) -> {
			if (status == CLAIMED) {
				return Claim.claimed(owner);
			}
			return (status == COMPLETED) ? Claim.COMPLETED : Claim.IN_PROGRESS;
		});
	}

	/**
	 * Returns {@code true} when the connection factory offers reactive connections
	 * (Lettuce's does): every script is then sent without waiting for its answer.
	 */
	@Override
	public boolean claimsWithoutBlocking() {
		return this.reactiveConnectionFactory != null;
	}

	@Override
	public boolean complete(String key, String owner) {
		return await(completeAsync(key, owner));
	}

	@Override
	public CompletionStage<Boolean> completeAsync(String key, String owner) {
		CompletableFuture<Boolean> completion = run(COMPLETE, key, LEASE + owner, this.retentionMillis)
			.thenApply((completed) -> completed == 1);
		this.pendingCompletions.add(completion);
		completion.whenComplete((completed, failure) -> this.pendingCompletions.remove(completion));
		return completion;
	}

	@Override
	public boolean release(String key, String owner) {
		return await(releaseAsync(key, owner));
	}

	@Override
	public CompletionStage<Boolean> releaseAsync(String key, String owner) {
		return run(RELEASE, key, LEASE + owner).thenApply((released) -> released == 1);
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Waits, for a few seconds at most, for the answers to completions already sent, so
	 * that a delivery answered just before the application stops stays recorded as
	 * handled.
	 */
	@Override
	public void stop() {
		CompletableFuture<?>[] pending = this.pendingCompletions.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(pending).get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// each failure was reported to whoever asked for the completion
		}
		catch (TimeoutException ex) {
			logger.warn(this.pendingCompletions.size() + " webhook completions were not answered by Redis within "
					+ STOP_TIMEOUT + "; redeliveries of those events after their lease may be published again");
		}
		finally {
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
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

	/**
	 * Runs a script on the key and arguments: sent before this method returns, answered
	 * when the returned future completes.
	 */
	private CompletableFuture<Long> run(Script script, String key, String... args) {
		byte[][] keyAndArgs = new byte[1 + args.length][];
		keyAndArgs[0] = (this.keyPrefix + key).getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < args.length; i++) {
			keyAndArgs[i + 1] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		if (this.reactiveConnectionFactory != null) {
			return runReactively(this.reactiveConnectionFactory, script, keyAndArgs);
		}
		try {
			return CompletableFuture.completedFuture(runBlocking(script, keyAndArgs));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static CompletableFuture<Long> runReactively(ReactiveRedisConnectionFactory connectionFactory,
			Script script, byte[][] keyAndArgs) {
		ByteBuffer[] buffers = new ByteBuffer[keyAndArgs.length];
		for (int i = 0; i < keyAndArgs.length; i++) {
			buffers[i] = ByteBuffer.wrap(keyAndArgs[i]);
		}
		// subscribing sends the command on the calling thread, so commands keep their
		// order
		return Mono
			.usingWhen(Mono.fromSupplier(connectionFactory::getReactiveConnection),
					(connection) -> connection.scriptingCommands()
						.<Long>evalSha(script.sha1(), ReturnType.INTEGER, 1, duplicates(buffers))
						.onErrorResume(RedisWebhookDeduplicationStore::isNoScript,
								// first use since the server started: EVAL loads the
								// script
								(ex) -> connection.scriptingCommands()
									.eval(ByteBuffer.wrap(script.source()), ReturnType.INTEGER, 1, duplicates(buffers)))
						.single(),
					ReactiveRedisConnection::closeLater)
			.toFuture();
	}

	private long runBlocking(Script script, byte[][] keyAndArgs) {
		// straight to a connection: a template wraps every call in a connection proxy and
		// passes arguments and results through its serializers, which costs more than the
		// call itself
		Long result;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			try {
				result = connection.scriptingCommands().evalSha(script.sha1(), ReturnType.INTEGER, 1, keyAndArgs);
			}
			catch (RuntimeException ex) {
				if (!isNoScript(ex)) {
					throw ex;
				}
				// first use since the server started: EVAL loads the script
				result = connection.scriptingCommands().eval(script.source(), ReturnType.INTEGER, 1, keyAndArgs);
			}
		}
		if (result == null) {
			// only inside a pipeline or transaction, which this store never opens
			throw new IllegalStateException("Redis returned no result for a de-duplication script");
		}
		return result;
	}

	private static ByteBuffer[] duplicates(ByteBuffer[] buffers) {
		// a buffer is read when the command is written: a second command needs fresh ones
		ByteBuffer[] copies = new ByteBuffer[buffers.length];
		for (int i = 0; i < buffers.length; i++) {
			copies[i] = buffers[i].duplicate();
		}
		return copies;
	}

	private static <T> T await(CompletionStage<T> answer) {
		// bounded by the client's command timeout (spring.data.redis.timeout)
		try {
			return answer.toCompletableFuture().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
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
