package com.blooio.spring.autoconfigure.webhook;

/**
 * The Redis de-duplication store is chosen but there is no Redis to reach: no
 * {@code RedisConnectionFactory} bean, or no Spring Data Redis at all.
 */
class NoRedisConnectionFactoryException extends RuntimeException {

	static final String STORE_PROPERTY = "blooio.webhook.deduplication.store";

	private final boolean springDataRedisPresent;

	NoRedisConnectionFactoryException(boolean springDataRedisPresent) {
		super(STORE_PROPERTY + "=redis but " + (springDataRedisPresent ? "there is no RedisConnectionFactory bean"
				: "Spring Data Redis is not on the classpath"));
		this.springDataRedisPresent = springDataRedisPresent;
	}

	boolean isSpringDataRedisPresent() {
		return this.springDataRedisPresent;
	}

}
