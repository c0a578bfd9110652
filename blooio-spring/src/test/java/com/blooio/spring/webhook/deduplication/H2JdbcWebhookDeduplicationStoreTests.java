package com.blooio.spring.webhook.deduplication;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Tests for {@link JdbcWebhookDeduplicationStore} on an in-memory H2 database.
 */
class H2JdbcWebhookDeduplicationStoreTests extends JdbcWebhookDeduplicationStoreTests {

	private static final String URL = "jdbc:h2:mem:blooio-jdbc-store;DB_CLOSE_DELAY=-1";

	private static HikariDataSource dataSource;

	@BeforeAll
	static void startDatabase() {
		dataSource = pool(true);
	}

	@AfterAll
	static void stopDatabase() {
		dataSource.close();
	}

	private static HikariDataSource pool(boolean autoCommit) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(URL);
		config.setMaximumPoolSize(10);
		config.setAutoCommit(autoCommit);
		return new HikariDataSource(config);
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

	@Override
	HikariDataSource dataSourceWithoutAutoCommit() {
		return pool(false);
	}

	@Test
	void mySqlScriptAndTheStoresStatementsRunInH2sMySqlMode() {
		// no MySQL or MariaDB server here: H2's MySQL mode checks what it can of the
		// script's syntax (not the collation, which it ignores)
		try (HikariDataSource mySqlMode = new HikariDataSource()) {
			mySqlMode.setJdbcUrl("jdbc:h2:mem:blooio-mysql-mode;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
			JdbcClient jdbc = JdbcClient.create(mySqlMode);
			for (int run = 0; run < 2; run++) {
				for (String statement : JdbcWebhookDeduplicationStore.schemaStatements("MySQL", TABLE)) {
					jdbc.sql(statement).update();
				}
			}
			JdbcWebhookDeduplicationStore store = new JdbcWebhookDeduplicationStore(mySqlMode, TABLE, RETENTION,
					this.clock);
			Claim claim = store.claim("k", LEASE);
			assertThat(store.claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
			assertThat(store.complete("k", claim.owner())).isTrue();
			assertThat(store.claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + TABLE).query(Long.class).single()).isOne();
		}
	}

	@Test
	void mySqlAndMariaDbShareTheMySqlScript() {
		assertThat(JdbcWebhookDeduplicationStore.schemaStatements("MariaDB", TABLE))
			.isEqualTo(JdbcWebhookDeduplicationStore.schemaStatements("MySQL", TABLE))
			.singleElement(STRING)
			.contains("COLLATE=ascii_bin")
			.contains("INDEX " + TABLE + "_EXPIRES_IX (EXPIRES_AT)");
	}

}
