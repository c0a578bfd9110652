package com.blooio.spring.autoconfigure.webhook;

import java.util.Locale;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;

import com.blooio.spring.autoconfigure.BlooioProperties.Deduplication.Jdbc.InitializeSchema;
import com.blooio.spring.webhook.catchup.JdbcCatchUpCheckpointStore;
import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;

/**
 * Creates the table of a JDBC store (de-duplication or catch-up checkpoint), unless it
 * exists, when {@code blooio.webhook.deduplication.jdbc.initialize-schema} says so: for
 * an embedded database only (as Spring Boot tells them apart), always, or never.
 */
class JdbcStoreSchemaInitializer implements InitializingBean {

	static final String PROPERTY = "blooio.webhook.deduplication.jdbc.initialize-schema";

	private static final Log logger = LogFactory.getLog(JdbcStoreSchemaInitializer.class);

	private final DataSource dataSource;

	private final Table table;

	private final String tableName;

	private final InitializeSchema mode;

	JdbcStoreSchemaInitializer(DataSource dataSource, Table table, String tableName, InitializeSchema mode) {
		this.dataSource = dataSource;
		this.table = table;
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
			this.table.creator.accept(this.dataSource, this.tableName);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("Cannot create the Blooio " + this.table.description + " table as "
					+ PROPERTY + "=" + mode() + " asks: " + ex.getMessage() + ", then set " + PROPERTY + "=never", ex);
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

	/**
	 * The tables of the JDBC stores.
	 */
	enum Table {

		DEDUPLICATION("webhook de-duplication", JdbcWebhookDeduplicationStore::createTable),

		CATCH_UP_CHECKPOINT("catch-up checkpoint", JdbcCatchUpCheckpointStore::createTable);

		private final String description;

		private final BiConsumer<DataSource, String> creator;

		Table(String description, BiConsumer<DataSource, String> creator) {
			this.description = description;
			this.creator = creator;
		}

	}

}
