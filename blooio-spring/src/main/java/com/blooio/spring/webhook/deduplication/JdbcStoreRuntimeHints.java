package com.blooio.spring.webhook.deduplication;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Resource hints for the JDBC store in a GraalVM native image: the schema scripts that
 * {@link JdbcWebhookDeduplicationStore#createTable} reads from the classpath.
 */
class JdbcStoreRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("com/blooio/spring/webhook/deduplication/schema-*.sql");
	}

}
