package com.blooio.spring.webhook.catchup;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Resource hints for the JDBC checkpoint store in a GraalVM native image: the schema
 * scripts that {@link JdbcCatchUpCheckpointStore#createTable} reads from the classpath.
 */
class JdbcCheckpointStoreRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("com/blooio/spring/webhook/catchup/schema-*.sql");
	}

}
