package com.blooio.spring.webhook.catchup;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Tests for {@link JdbcCatchUpCheckpointStore} on an in-memory H2 database.
 */
class H2JdbcCatchUpCheckpointStoreTests extends JdbcCatchUpCheckpointStoreTests {

	private static final String URL = "jdbc:h2:mem:blooio-catch-up-store;DB_CLOSE_DELAY=-1";

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
			mySqlMode.setJdbcUrl("jdbc:h2:mem:blooio-catch-up-mysql-mode;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
			JdbcClient jdbc = JdbcClient.create(mySqlMode);
			for (int run = 0; run < 2; run++) {
				for (String statement : JdbcCatchUpCheckpointStore.schemaStatements("MySQL", TABLE)) {
					jdbc.sql(statement).update();
				}
			}
			JdbcCatchUpCheckpointStore store = new JdbcCatchUpCheckpointStore(mySqlMode, TABLE, NAME);
			store.save(T2);
			store.save(T1);
			assertThat(store.load()).isEqualTo(T2);
		}
	}

	@Test
	void mySqlAndMariaDbShareTheMySqlScript() {
		assertThat(JdbcCatchUpCheckpointStore.schemaStatements("MariaDB", TABLE))
			.isEqualTo(JdbcCatchUpCheckpointStore.schemaStatements("MySQL", TABLE))
			.singleElement(STRING)
			.startsWith("CREATE TABLE IF NOT EXISTS " + TABLE + " (")
			.contains("COLLATE=ascii_bin");
	}

	@Test
	void databaseWithoutAScriptIsNamedWithTheSupportedOnes() {
		assertThatIllegalStateException()
			.isThrownBy(() -> JdbcCatchUpCheckpointStore.schemaStatements("HSQL Database Engine", TABLE))
			.withMessageContaining("No schema script for database 'HSQL Database Engine'")
			.withMessageContaining("PostgreSQL, MySQL, MariaDB and H2");
	}

}
