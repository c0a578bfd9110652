package com.blooio.spring.autoconfigure.webhook;

import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;

import com.blooio.spring.autoconfigure.BlooioProperties.Deduplication.Jdbc.InitializeSchema;
import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;

/**
 * Creates the JDBC de-duplication store's table, unless it exists, when
 * {@code blooio.webhook.deduplication.jdbc.initialize-schema} says so: for an embedded
 * database only (as Spring Boot tells them apart), always, or never.
 */
class JdbcStoreSchemaInitializer implements InitializingBean {

	static final String PROPERTY = "blooio.webhook.deduplication.jdbc.initialize-schema";

	private static final Log logger = LogFactory.getLog(JdbcStoreSchemaInitializer.class);

	private final DataSource dataSource;

	private final String tableName;

	private final InitializeSchema mode;

	JdbcStoreSchemaInitializer(DataSource dataSource, String tableName, InitializeSchema mode) {
		this.dataSource = dataSource;
		this.tableName = tableName;
		this.mode = mode;
	}

	@Override
	public void afterPropertiesSet() {
		if (!shouldCreate()) {
			logger.debug("Not creating table " + this.tableName + " (" + PROPERTY + "=" + mode() + ")");
			return;
		}
		try {
			JdbcWebhookDeduplicationStore.createTable(this.dataSource, this.tableName);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("Cannot create the Blooio webhook de-duplication table as " + PROPERTY + "="
					+ mode() + " asks: " + ex.getMessage() + ", then set " + PROPERTY + "=never", ex);
		}
		logger.debug("Created table " + this.tableName + " unless it existed (" + PROPERTY + "=" + mode() + ")");
	}

	private boolean shouldCreate() {
		return switch (this.mode) {
			case ALWAYS -> true;
			case NEVER -> false;
			case EMBEDDED -> EmbeddedDatabaseConnection.isEmbedded(this.dataSource);
		};
	}

	private String mode() {
		return this.mode.name().toLowerCase(Locale.ROOT);
	}

}
