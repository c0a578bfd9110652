package com.blooio.spring.webhook.catchup;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JdbcCatchUpCheckpointStore} on a real database: the shared store
 * contract, and what is particular to a table (schema, names, connections apart from the
 * caller's transaction). Each database's tests extend this class and give it a database.
 */
abstract class JdbcCatchUpCheckpointStoreTests extends SharedCatchUpCheckpointStoreContractTests {

	static final String TABLE = JdbcCatchUpCheckpointStore.DEFAULT_TABLE_NAME;

	static final String NAME = "APP_WEBHOOKS";

	/**
	 * Returns the database, shared by the tests of one class.
	 * @return the database
	 */
	abstract DataSource dataSource();

	/**
	 * Returns a pool of connections that are handed out without auto-commit.
	 * @return the pool, to close when done
	 */
	abstract HikariDataSource dataSourceWithoutAutoCommit();

	@Override
	CatchUpCheckpointStore createStore() {
		jdbc().sql("DROP TABLE IF EXISTS " + TABLE).update();
		JdbcCatchUpCheckpointStore.createTable(dataSource(), TABLE);
		return new JdbcCatchUpCheckpointStore(dataSource(), TABLE, NAME);
	}

	@Override
	CatchUpCheckpointStore anotherInstance() {
		return new JdbcCatchUpCheckpointStore(dataSource(), TABLE, NAME);
	}

	JdbcClient jdbc() {
		return JdbcClient.create(dataSource());
	}

	Map<String, Long> rows(String table) {
		return jdbc().sql("SELECT CHECKPOINT_NAME, CHECKPOINT_AT FROM " + table).query((rs) -> {
			Map<String, Long> rows = new LinkedHashMap<>();
			while (rs.next()) {
				rows.put(rs.getString(1), rs.getLong(2));
			}
			return rows;
		});
	}

	@Test
	void checkpointIsOneRowUnderItsNameHoldingEpochMilliseconds() {
		store().save(T1);
		store().save(T2);
		assertThat(rows(TABLE)).containsExactly(Map.entry(NAME, T2.toEpochMilli()));
	}

	@Test
	void checkpointsOfDifferentNamesShareTheTableApart() {
		CatchUpCheckpointStore otherApplication = new JdbcCatchUpCheckpointStore(dataSource(), TABLE, "OTHER_APP");
		store().save(T2);
		otherApplication.save(T1);
		assertThat(store().load()).isEqualTo(T2);
		assertThat(otherApplication.load()).isEqualTo(T1);
		assertThat(rows(TABLE)).hasSize(2);
	}

	@Test
	void namesDifferingOnlyInCaseAreDistinct() {
		CatchUpCheckpointStore lowerCase = new JdbcCatchUpCheckpointStore(dataSource(), TABLE, "app_webhooks");
		store().save(T2);
		assertThat(lowerCase.load()).isNull();
	}

	@Test
	void createTableKeepsAnExistingTableAndItsRow() {
		store().save(T1);
		JdbcCatchUpCheckpointStore.createTable(dataSource(), TABLE);
		assertThat(store().load()).isEqualTo(T1);
	}

	@Test
	void tableInAnotherSchemaIsCreatedAndUsed() {
		jdbc().sql("CREATE SCHEMA IF NOT EXISTS BLOOIO_CATCH_UP_TEST").update();
		String table = "BLOOIO_CATCH_UP_TEST.CHECKPOINTS";
		jdbc().sql("DROP TABLE IF EXISTS " + table).update();
		JdbcCatchUpCheckpointStore.createTable(dataSource(), table);
		JdbcCatchUpCheckpointStore store = new JdbcCatchUpCheckpointStore(dataSource(), table, NAME);
		store.save(T1);
		assertThat(rows(table)).containsExactly(Map.entry(NAME, T1.toEpochMilli()));
		assertThat(rows(TABLE)).isEmpty();
	}

	@Test
	void defaultsAreTheDefaultTableAndTheDeduplicationStoresDefaultTableAsName() {
		JdbcCatchUpCheckpointStore store = new JdbcCatchUpCheckpointStore(dataSource());
		store.save(T1);
		assertThat(store.getTableName()).isEqualTo("BLOOIO_WEBHOOK_CATCH_UP");
		assertThat(store.getName()).isEqualTo(JdbcWebhookDeduplicationStore.DEFAULT_TABLE_NAME);
		assertThat(rows(TABLE)).containsExactly(Map.entry("BLOOIO_WEBHOOK_DEDUPLICATION", T1.toEpochMilli()));
	}

	@Test
	void loadingFromAMissingTableFailsWithADataAccessException() {
		JdbcCatchUpCheckpointStore missing = new JdbcCatchUpCheckpointStore(dataSource(), "NO_SUCH_TABLE", NAME);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(missing::load);
	}

	@Test
	void savingToAMissingTableFailsWithADataAccessException() {
		JdbcCatchUpCheckpointStore missing = new JdbcCatchUpCheckpointStore(dataSource(), "NO_SUCH_TABLE", NAME);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> missing.save(T1));
	}

	@Test
	void checkpointSavedWithinACallersTransactionIsSeenAtOnceAndOutlivesItsRollback() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
		transaction.executeWithoutResult((status) -> {
			store().save(T1);
			assertThat(anotherInstance().load()).isEqualTo(T1);
			status.setRollbackOnly();
		});
		assertThat(store().load()).isEqualTo(T1);
	}

	@Test
	void storeOnATransactionAwareProxyStaysOutOfTheCallersTransaction() {
		TransactionAwareDataSourceProxy proxy = new TransactionAwareDataSourceProxy(dataSource());
		JdbcCatchUpCheckpointStore store = new JdbcCatchUpCheckpointStore(proxy, TABLE, NAME);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
		transaction.executeWithoutResult((status) -> {
			store.save(T1);
			status.setRollbackOnly();
		});
		assertThat(store().load()).isEqualTo(T1);
	}

	@Test
	void checkpointPersistsWhenThePoolHandsOutConnectionsWithoutAutoCommit() {
		try (HikariDataSource withoutAutoCommit = dataSourceWithoutAutoCommit()) {
			JdbcCatchUpCheckpointStore store = new JdbcCatchUpCheckpointStore(withoutAutoCommit, TABLE, NAME);
			store.save(T1);
			store.save(T2);
		}
		assertThat(store().load()).isEqualTo(T2);
	}

	@Test
	void tableNameThatIsNotAnIdentifierIsRejected() {
		for (String tableName : new String[] { "", "1TABLE", "A.B.C", "T; DROP TABLE USERS", "T--" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new JdbcCatchUpCheckpointStore(dataSource(), tableName, NAME))
				.withMessageContaining("must be a table name, optionally qualified by a schema");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> JdbcCatchUpCheckpointStore.createTable(dataSource(), tableName));
		}
	}

	@Test
	void nameThatNoDatabaseComparesExactlyIsRejected() {
		for (String name : new String[] { "", " APP", "APP ", "caf\u00e9", "A\tB", "A".repeat(256) }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new JdbcCatchUpCheckpointStore(dataSource(), TABLE, name))
				.withMessageContaining("printable ASCII");
		}
	}

	@Test
	void longestNameIsStored() {
		String name = "N".repeat(255);
		JdbcCatchUpCheckpointStore store = new JdbcCatchUpCheckpointStore(dataSource(), TABLE, name);
		store.save(T1);
		assertThat(store.load()).isEqualTo(T1);
	}

	@Test
	void constructorRejectsMissingArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JdbcCatchUpCheckpointStore(null, TABLE, NAME));
		assertThatIllegalArgumentException().isThrownBy(() -> new JdbcCatchUpCheckpointStore(dataSource(), null, NAME));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JdbcCatchUpCheckpointStore(dataSource(), TABLE, null));
	}

	@Test
	void toStringNamesTheTableAndTheName() {
		assertThat(store()).hasToString("JdbcCatchUpCheckpointStore{tableName=" + TABLE + ", name=" + NAME + "}");
	}

}
