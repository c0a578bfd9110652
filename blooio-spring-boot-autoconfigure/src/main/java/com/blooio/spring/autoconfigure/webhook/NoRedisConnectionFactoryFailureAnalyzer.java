package com.blooio.spring.autoconfigure.webhook;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains how to give the Redis de-duplication store its Redis, or choose another store.
 */
class NoRedisConnectionFactoryFailureAnalyzer extends AbstractFailureAnalyzer<NoRedisConnectionFactoryException> {

	private static final String STORE = NoRedisConnectionFactoryException.STORE_PROPERTY;

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoRedisConnectionFactoryException cause) {
		String missing = cause.isSpringDataRedisPresent()
				? "the application has no RedisConnectionFactory bean to reach Redis with"
				: "Spring Data Redis is not on the classpath";
		return new FailureAnalysis(
				"The Blooio webhook de-duplication store is Redis (the property '" + STORE + "' is 'redis'), but "
						+ missing + ".",
				"Add Spring Boot's Redis starter, org.springframework.boot:spring-boot-starter-data-redis, and "
						+ "point it at your server with the spring.data.redis.* properties (for example "
						+ "'spring.data.redis.host' and 'spring.data.redis.port', or 'spring.data.redis.url'); or "
						+ "define a RedisConnectionFactory bean. To use another store instead, set '" + STORE
						+ "' to 'jdbc' (shared through a database), or to 'memory' (for a single instance only: "
						+ "a redelivery that reaches another instance is published again).",
				cause);
	}

}
