package com.blooio.spring.autoconfigure.webhook;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.autoconfigure.webhook.JdbcStoreSchemaInitializer.Table;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.catchup.JdbcCatchUpCheckpointStore;
import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

/**
 * The JDBC de-duplication store on the application's {@link DataSource}, when
 * {@code blooio.webhook.deduplication.store=jdbc}, unless a
 * {@link WebhookDeduplicationStore} bean is declared. Its table is created first,
 * according to {@code blooio.webhook.deduplication.jdbc.initialize-schema}. Without
 * Spring JDBC or a single {@code DataSource}, start-up fails, explained by
 * {@link NoJdbcStoreFailureAnalyzer}.
 * <p>
 * The catch-up checkpoint goes to the same database, unless a
 * {@link CatchUpCheckpointStore} bean is declared: in the table
 * {@value JdbcCatchUpCheckpointStore#DEFAULT_TABLE_NAME} of the de-duplication table's
 * schema, in a row named after the de-duplication table, so that it is shared by exactly
 * the instances that share de-duplication. Its table is created by the same rule. It does
 * so also when the application declares its own de-duplication store: choosing
 * {@code jdbc} says that instances share state in that database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ JdbcClient.class, EmbeddedDatabaseConnection.class })
@ConditionalOnProperty(name = JdbcStoreConfiguration.STORE_PROPERTY, havingValue = "jdbc")
@ConditionalOnSingleCandidate(DataSource.class)
class JdbcStoreConfiguration {

	static final String STORE_PROPERTY = "blooio.webhook.deduplication.store";

	private static final Log logger = LogFactory.getLog(JdbcStoreConfiguration.class);

	// the de-duplication table first: a failure to create it is the one to report
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
	@Order(1)
	static class DeduplicationStoreConfiguration {

		private static final String SCHEMA_INITIALIZER = "blooioWebhookDeduplicationSchemaInitializer";

		@Bean(SCHEMA_INITIALIZER)
		@DependsOnDatabaseInitialization
		JdbcStoreSchemaInitializer blooioWebhookDeduplicationSchemaInitializer(DataSource dataSource,
				BlooioProperties properties) {
			BlooioProperties.Deduplication.Jdbc jdbc = properties.getWebhook().getDeduplication().getJdbc();
			return new JdbcStoreSchemaInitializer(dataSource, Table.DEDUPLICATION, jdbc.getTableName(),
					jdbc.getInitializeSchema());
		}

		@Bean
		JdbcWebhookDeduplicationStore blooioWebhookDeduplicationStore(DataSource dataSource,
				BlooioProperties properties,
				@Qualifier(SCHEMA_INITIALIZER) JdbcStoreSchemaInitializer schemaInitializer) {
			// the initializer is only waited for: the table exists before the store is
			// used
			BlooioProperties.Deduplication deduplication = properties.getWebhook().getDeduplication();
			String tableName = deduplication.getJdbc().getTableName();
			logger.info("Blooio webhook de-duplication: shared through the table " + tableName
					+ " of the application's DataSource (retention " + deduplication.getRetention() + ", lease "
					+ deduplication.getLease() + ")");
			return new JdbcWebhookDeduplicationStore(dataSource, tableName, deduplication.getRetention());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(CatchUpCheckpointStore.class)
	@Order(2)
	static class CheckpointStoreConfiguration {

		private static final String SCHEMA_INITIALIZER = "blooioCatchUpCheckpointSchemaInitializer";

		@Bean(SCHEMA_INITIALIZER)
		@DependsOnDatabaseInitialization
		JdbcStoreSchemaInitializer blooioCatchUpCheckpointSchemaInitializer(DataSource dataSource,
				BlooioProperties properties) {
			BlooioProperties.Deduplication.Jdbc jdbc = properties.getWebhook().getDeduplication().getJdbc();
			return new JdbcStoreSchemaInitializer(dataSource, Table.CATCH_UP_CHECKPOINT,
					checkpointTableName(jdbc.getTableName()), jdbc.getInitializeSchema());
		}

		@Bean
		JdbcCatchUpCheckpointStore blooioCatchUpCheckpointStore(DataSource dataSource, BlooioProperties properties,
				@Qualifier(SCHEMA_INITIALIZER) JdbcStoreSchemaInitializer schemaInitializer) {
			String deduplicationTable = properties.getWebhook().getDeduplication().getJdbc().getTableName();
			String tableName = checkpointTableName(deduplicationTable);
			logger.info("Blooio catch-up checkpoint: shared through the table " + tableName
					+ " of the application's DataSource (row " + deduplicationTable + ")");
			return new JdbcCatchUpCheckpointStore(dataSource, tableName, deduplicationTable);
		}

		/**
		 * Returns the checkpoint table in the de-duplication table's schema, if it names
		 * one.
		 */
		static String checkpointTableName(String deduplicationTable) {
			int dot = deduplicationTable.lastIndexOf('.');
			return deduplicationTable.substring(0, dot + 1) + JdbcCatchUpCheckpointStore.DEFAULT_TABLE_NAME;
		}

	}

}
