package com.blooio.spring.autoconfigure.webhook;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

/**
 * The JDBC de-duplication store on the application's {@link DataSource}, when
 * {@code blooio.webhook.deduplication.store=jdbc}, unless a
 * {@link WebhookDeduplicationStore} bean is declared. Its table is created first,
 * according to {@code blooio.webhook.deduplication.jdbc.initialize-schema}. Without
 * Spring JDBC or a single {@code DataSource}, start-up fails, explained by
 * {@link NoJdbcStoreFailureAnalyzer}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ JdbcClient.class, EmbeddedDatabaseConnection.class })
@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
@ConditionalOnProperty(name = JdbcStoreConfiguration.STORE_PROPERTY, havingValue = "jdbc")
@ConditionalOnSingleCandidate(DataSource.class)
class JdbcStoreConfiguration {

	static final String STORE_PROPERTY = "blooio.webhook.deduplication.store";

	private static final Log logger = LogFactory.getLog(JdbcStoreConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	JdbcStoreSchemaInitializer blooioWebhookDeduplicationSchemaInitializer(DataSource dataSource,
			BlooioProperties properties) {
		BlooioProperties.Deduplication.Jdbc jdbc = properties.getWebhook().getDeduplication().getJdbc();
		return new JdbcStoreSchemaInitializer(dataSource, jdbc.getTableName(), jdbc.getInitializeSchema());
	}

	@Bean
	JdbcWebhookDeduplicationStore blooioWebhookDeduplicationStore(DataSource dataSource, BlooioProperties properties,
			JdbcStoreSchemaInitializer schemaInitializer) {
		// the initializer is only waited for: the table exists before the store is used
		BlooioProperties.Deduplication deduplication = properties.getWebhook().getDeduplication();
		String tableName = deduplication.getJdbc().getTableName();
		logger.info("Blooio webhook de-duplication: shared through the table " + tableName
				+ " of the application's DataSource (retention " + deduplication.getRetention() + ", lease "
				+ deduplication.getLease() + ")");
		return new JdbcWebhookDeduplicationStore(dataSource, tableName, deduplication.getRetention());
	}

}
