package com.blooio.spring.webhook.deduplication;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import com.blooio.spring.support.MutableClock;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link JdbcWebhookDeduplicationStore} on a real database: the store contract,
 * and what is particular to a table (schema, custom names, purging, exact key comparison,
 * connections apart from the caller's transaction). Each database's tests extend this
 * class and give it a database.
 */
abstract class JdbcWebhookDeduplicationStoreTests extends WebhookDeduplicationStoreContractTests {

	static final String TABLE = JdbcWebhookDeduplicationStore.DEFAULT_TABLE_NAME;

	final MutableClock clock = new MutableClock();

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
	protected JdbcWebhookDeduplicationStore createStore() {
		JdbcClient jdbc = jdbc();
		jdbc.sql("DROP TABLE IF EXISTS " + TABLE).update();
		JdbcWebhookDeduplicationStore.createTable(dataSource(), TABLE);
		return new JdbcWebhookDeduplicationStore(dataSource(), TABLE, RETENTION, this.clock);
	}

	@Override
	protected void expire(String key) {
		this.clock.advance(LEASE.plus(RETENTION));
	}

	JdbcWebhookDeduplicationStore jdbcStore() {
		return (JdbcWebhookDeduplicationStore) store();
	}

	JdbcClient jdbc() {
		return JdbcClient.create(dataSource());
	}

	long rows(String table) {
		return jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void claimsBlockingTheCallerForItsStatements() {
		assertThat(jdbcStore().claimsWithoutBlocking()).isFalse();
	}

	@Test
	void claimOfANewKeyWritesOneLeaseRow() {
		Claim claim = jdbcStore().claim("k", LEASE);
		assertThat(jdbc().sql("SELECT DEDUPLICATION_KEY, OWNER_TOKEN, STATE, EXPIRES_AT FROM " + TABLE)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list()).containsExactly(List.of("k", claim.owner(), "LEASE", this.clock.millis() + LEASE.toMillis()));
	}

	@Test
	void completionTurnsTheRowIntoACompletedKeyKeptForTheRetention() {
		Claim claim = jdbcStore().claim("k", LEASE);
		jdbcStore().complete("k", claim.owner());
		assertThat(jdbc().sql("SELECT STATE, EXPIRES_AT FROM " + TABLE)
			.query((rs, row) -> List.of(rs.getString(1), rs.getLong(2)))
			.list()).containsExactly(List.of("COMPLETED", this.clock.millis() + RETENTION.toMillis()));
	}

	@Test
	void releaseDeletesTheLeaseRow() {
		Claim claim = jdbcStore().claim("k", LEASE);
		jdbcStore().release("k", claim.owner());
		assertThat(rows(TABLE)).isZero();
	}

	@Test
	void leaseHoldsUntilJustBeforeItEnds() {
		jdbcStore().claim("k", LEASE);
		this.clock.advance(LEASE.minusMillis(1));
		assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(jdbcStore().claim("k", LEASE).isClaimed()).isTrue();
	}

	@Test
	void completedKeyIsRememberedUntilJustBeforeRetentionEnds() {
		Claim claim = jdbcStore().claim("k", LEASE);
		jdbcStore().complete("k", claim.owner());
		this.clock.advance(RETENTION.minusMillis(1));
		assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(jdbcStore().claim("k", LEASE).isClaimed()).isTrue();
	}

	@Test
	void ownerCompletesAfterItsLeaseExpiredWhenNobodyTookItOver() {
		Claim claim = jdbcStore().claim("k", LEASE);
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(jdbcStore().complete("k", claim.owner())).isTrue();
		assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void ownerCompletesAfterItsExpiredLeaseWasPurged() {
		Claim claim = jdbcStore().claim("k", LEASE);
		this.clock.advance(LEASE.plus(JdbcWebhookDeduplicationStore.DEFAULT_PURGE_INTERVAL));
		jdbcStore().claim("other", LEASE);
		assertThat(jdbc().sql("SELECT COUNT(*) FROM " + TABLE + " WHERE DEDUPLICATION_KEY = 'k'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbcStore().complete("k", claim.owner())).isTrue();
		assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void completionOverAnExpiredLeaseOfAnotherOwnerSucceeds() {
		Claim first = jdbcStore().claim("k", LEASE);
		this.clock.advance(LEASE.plusSeconds(1));
		Claim second = jdbcStore().claim("k", LEASE);
		this.clock.advance(LEASE.plusSeconds(1));
		// the second owner's lease ran out too, and nobody holds the key
		assertThat(jdbcStore().complete("k", first.owner())).isTrue();
		assertThat(jdbcStore().complete("k", second.owner())).isFalse();
		assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void secondCompletionByTheSameOwnerIsRefused() {
		Claim claim = jdbcStore().claim("k", LEASE);
		assertThat(jdbcStore().complete("k", claim.owner())).isTrue();
		assertThat(jdbcStore().complete("k", claim.owner())).isFalse();
	}

	@Test
	void firstClaimPurgesExpiredRowsLeftFromBefore() {
		Claim old = jdbcStore().claim("old", LEASE);
		jdbcStore().complete("old", old.owner());
		this.clock.advance(RETENTION.plusSeconds(1));
		// as after a restart: a new store purges on its first claim
		JdbcWebhookDeduplicationStore restarted = new JdbcWebhookDeduplicationStore(dataSource(), TABLE, RETENTION,
				this.clock);
		restarted.claim("new", LEASE);
		assertThat(jdbc().sql("SELECT DEDUPLICATION_KEY FROM " + TABLE).query(String.class).list())
			.containsExactly("new");
	}

	@Test
	void expiredRowsArePurgedOnlyOncePerPurgeInterval() {
		Duration shortLease = Duration.ofSeconds(10);
		jdbcStore().setPurgeInterval(Duration.ofMinutes(5));
		jdbcStore().claim("first", shortLease);
		this.clock.advance(shortLease.plusSeconds(1));
		jdbcStore().claim("second", shortLease);
		assertThat(rows(TABLE)).as("within the interval").isEqualTo(2);
		this.clock.advance(Duration.ofMinutes(5));
		jdbcStore().claim("third", shortLease);
		assertThat(jdbc().sql("SELECT DEDUPLICATION_KEY FROM " + TABLE + " ORDER BY DEDUPLICATION_KEY")
			.query(String.class)
			.list()).as("after the interval").containsExactly("third");
	}

	@Test
	void purgeKeepsLiveLeasesAndCompletedKeys() {
		jdbcStore().setPurgeInterval(Duration.ZERO);
		Claim done = jdbcStore().claim("done", LEASE);
		jdbcStore().complete("done", done.owner());
		jdbcStore().claim("running", LEASE);
		this.clock.advance(LEASE.minusSeconds(1));
		jdbcStore().claim("trigger", LEASE);
		assertThat(rows(TABLE)).isEqualTo(3);
		assertThat(jdbcStore().claim("running", LEASE)).isEqualTo(Claim.IN_PROGRESS);
		assertThat(jdbcStore().claim("done", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void keysDifferingOnlyInCaseOrTrailingSpaceAreDistinct() {
		for (String key : List.of("id|evt_abc", "id|evt_ABC", "id|evt_abc ", "id|evt_abc  ")) {
			assertThat(jdbcStore().claim(key, LEASE).isClaimed()).as("'" + key + "'").isTrue();
		}
	}

	@Test
	void nonAsciiKeysAreDistinctAndRemembered() {
		List<String> keys = List.of("message.reaction|m1|👍|add", "message.reaction|m1|👎|add",
				"message.reaction|m1|é|add", "message.reaction|m1|e\u0301|add");
		for (String key : keys) {
			Claim claim = jdbcStore().claim(key, LEASE);
			assertThat(claim.isClaimed()).as(key).isTrue();
			assertThat(jdbcStore().complete(key, claim.owner())).as(key).isTrue();
		}
		for (String key : keys) {
			assertThat(jdbcStore().claim(key, LEASE)).as(key).isEqualTo(Claim.COMPLETED);
		}
	}

	@Test
	void keysLongerThanTheColumnAreDistinctAndRemembered() {
		String prefix = "message.reaction|m1|" + "x".repeat(400);
		Claim a = jdbcStore().claim(prefix + "a", LEASE);
		Claim b = jdbcStore().claim(prefix + "b", LEASE);
		assertThat(a.isClaimed()).isTrue();
		assertThat(b.isClaimed()).isTrue();
		jdbcStore().complete(prefix + "a", a.owner());
		assertThat(jdbcStore().claim(prefix + "a", LEASE)).isEqualTo(Claim.COMPLETED);
		assertThat(jdbcStore().claim(prefix + "b", LEASE)).isEqualTo(Claim.IN_PROGRESS);
		assertThat(jdbc().sql("SELECT MAX(LENGTH(DEDUPLICATION_KEY)) FROM " + TABLE).query(Integer.class).single())
			.isLessThanOrEqualTo(255);
	}

	@Test
	void keyThatLooksLikeADigestIsNotTakenForTheKeyItWasDigestedFrom() {
		String longKey = "x".repeat(300);
		String digest = JdbcWebhookDeduplicationStore.storedKey(longKey);
		assertThat(digest).startsWith("sha256:");
		assertThat(jdbcStore().claim(longKey, LEASE).isClaimed()).isTrue();
		assertThat(jdbcStore().claim(digest, LEASE).isClaimed()).isTrue();
	}

	@Test
	void createTableCreatesTheTableAndItsExpiryIndex() throws SQLException {
		jdbc().sql("DROP TABLE IF EXISTS " + TABLE).update();
		JdbcWebhookDeduplicationStore.createTable(dataSource(), TABLE);
		assertThat(rows(TABLE)).isZero();
		assertThat(indexedColumns(TABLE)).contains("DEDUPLICATION_KEY", "EXPIRES_AT");
	}

	@Test
	void createTableKeepsAnExistingTableAndItsRows() {
		jdbcStore().claim("k", LEASE);
		JdbcWebhookDeduplicationStore.createTable(dataSource(), TABLE);
		assertThat(rows(TABLE)).isEqualTo(1);
		assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void customTableNameIsCreatedAndUsed() {
		jdbc().sql("DROP TABLE IF EXISTS BLOOIO_CUSTOM_DEDUP").update();
		jdbc().sql("DROP TABLE IF EXISTS " + TABLE).update();
		JdbcWebhookDeduplicationStore.createTable(dataSource(), "BLOOIO_CUSTOM_DEDUP");
		JdbcWebhookDeduplicationStore custom = new JdbcWebhookDeduplicationStore(dataSource(), "BLOOIO_CUSTOM_DEDUP",
				RETENTION, this.clock);
		assertThat(custom.getTableName()).isEqualTo("BLOOIO_CUSTOM_DEDUP");
		assertThat(custom.claim("k", LEASE).isClaimed()).isTrue();
		assertThat(rows("BLOOIO_CUSTOM_DEDUP")).isEqualTo(1);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> rows(TABLE));
	}

	@Test
	void tableInAnotherSchemaIsCreatedAndUsed() throws SQLException {
		jdbc().sql("CREATE SCHEMA IF NOT EXISTS BLOOIO_TEST_SCHEMA").update();
		jdbc().sql("DROP TABLE IF EXISTS BLOOIO_TEST_SCHEMA.DEDUP").update();
		JdbcWebhookDeduplicationStore.createTable(dataSource(), "BLOOIO_TEST_SCHEMA.DEDUP");
		JdbcWebhookDeduplicationStore qualified = new JdbcWebhookDeduplicationStore(dataSource(),
				"BLOOIO_TEST_SCHEMA.DEDUP", RETENTION, this.clock);
		Claim claim = qualified.claim("k", LEASE);
		assertThat(qualified.complete("k", claim.owner())).isTrue();
		assertThat(rows("BLOOIO_TEST_SCHEMA.DEDUP")).isEqualTo(1);
		assertThat(indexedColumns("BLOOIO_TEST_SCHEMA.DEDUP")).contains("EXPIRES_AT");
	}

	@Test
	void claimOnAMissingTableFailsWithADataAccessException() {
		JdbcWebhookDeduplicationStore missing = new JdbcWebhookDeduplicationStore(dataSource(), "BLOOIO_NO_SUCH_TABLE",
				RETENTION, this.clock);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> missing.claim("k", LEASE));
	}

	@Test
	void claimWithinACallersTransactionIsSeenAtOnceAndOutlivesItsRollback() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
		JdbcWebhookDeduplicationStore other = new JdbcWebhookDeduplicationStore(dataSource(), TABLE, RETENTION,
				this.clock);
		transaction.executeWithoutResult((status) -> {
			assertThat(jdbcStore().claim("k", LEASE).isClaimed()).isTrue();
			assertThat(other.claim("k", LEASE)).as("seen by another instance").isEqualTo(Claim.IN_PROGRESS);
			status.setRollbackOnly();
		});
		assertThat(other.claim("k", LEASE)).as("after the rollback").isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void duplicateClaimWithinACallersTransactionLeavesTheTransactionUsable() {
		jdbc().sql("DROP TABLE IF EXISTS BLOOIO_TEST_ORDERS").update();
		jdbc().sql("CREATE TABLE BLOOIO_TEST_ORDERS (ID INT PRIMARY KEY)").update();
		jdbcStore().claim("k", LEASE);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
		transaction.executeWithoutResult((status) -> {
			JdbcClient inTransaction = JdbcClient.create(dataSource());
			inTransaction.sql("INSERT INTO BLOOIO_TEST_ORDERS (ID) VALUES (1)").update();
			assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
			inTransaction.sql("INSERT INTO BLOOIO_TEST_ORDERS (ID) VALUES (2)").update();
		});
		assertThat(rows("BLOOIO_TEST_ORDERS")).isEqualTo(2);
	}

	@Test
	void storeOnATransactionAwareProxyStaysOutOfTheCallersTransaction() {
		TransactionAwareDataSourceProxy proxy = new TransactionAwareDataSourceProxy(dataSource());
		JdbcWebhookDeduplicationStore onProxy = new JdbcWebhookDeduplicationStore(proxy, TABLE, RETENTION, this.clock);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
		transaction.executeWithoutResult((status) -> {
			assertThat(onProxy.claim("k", LEASE).isClaimed()).isTrue();
			status.setRollbackOnly();
		});
		assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void claimsPersistWhenThePoolHandsOutConnectionsWithoutAutoCommit() {
		try (HikariDataSource withoutAutoCommit = dataSourceWithoutAutoCommit()) {
			JdbcWebhookDeduplicationStore onManualCommit = new JdbcWebhookDeduplicationStore(withoutAutoCommit, TABLE,
					RETENTION, this.clock);
			Claim claim = onManualCommit.claim("k", LEASE);
			assertThat(onManualCommit.complete("k", claim.owner())).isTrue();
		}
		assertThat(jdbcStore().claim("k", LEASE)).isEqualTo(Claim.COMPLETED);
	}

	@Test
	void tableNameThatIsNotAnIdentifierIsRejected() {
		for (String name : List.of("", "1TABLE", "T; DROP TABLE X", "A.B.C", "T-1", "\"T\"")) {
			assertThatIllegalArgumentException().as(name)
				.isThrownBy(() -> new JdbcWebhookDeduplicationStore(dataSource(), name, RETENTION, this.clock));
			assertThatIllegalArgumentException().as(name)
				.isThrownBy(() -> JdbcWebhookDeduplicationStore.createTable(dataSource(), name));
		}
	}

	@Test
	void constructorRejectsMissingOrNonPositiveArguments() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JdbcWebhookDeduplicationStore(null, TABLE, RETENTION, this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JdbcWebhookDeduplicationStore(dataSource(), TABLE, null, this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JdbcWebhookDeduplicationStore(dataSource(), TABLE, Duration.ZERO, this.clock));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new JdbcWebhookDeduplicationStore(dataSource(), TABLE, Duration.ofSeconds(-1), this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JdbcWebhookDeduplicationStore(dataSource(), TABLE, RETENTION, null));
		assertThatIllegalArgumentException().isThrownBy(() -> jdbcStore().setPurgeInterval(Duration.ofSeconds(-1)));
	}

	@Test
	void defaultConstructorUsesTheDefaultTableAndSystemClock() {
		JdbcWebhookDeduplicationStore defaults = new JdbcWebhookDeduplicationStore(dataSource(), RETENTION);
		assertThat(defaults.getTableName()).isEqualTo(TABLE);
		assertThat(defaults.claim("k", LEASE).isClaimed()).isTrue();
		assertThat(jdbc().sql("SELECT EXPIRES_AT FROM " + TABLE).query(Long.class).single())
			.isCloseTo(System.currentTimeMillis() + LEASE.toMillis(), within(60_000L));
	}

	/**
	 * Returns the upper-cased names of the columns the table's indexes cover.
	 */
	List<String> indexedColumns(String qualifiedTable) throws SQLException {
		// H2 keeps unquoted names in upper case, PostgreSQL in lower case
		List<String> columns = new ArrayList<>();
		try (Connection connection = dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String name : List.of(qualifiedTable, qualifiedTable.toLowerCase(Locale.ROOT))) {
				String schema = name.contains(".") ? name.substring(0, name.indexOf('.')) : null;
				String table = name.substring(name.indexOf('.') + 1);
				try (ResultSet indexes = metaData.getIndexInfo(null, schema, table, false, false)) {
					while (indexes.next()) {
						String column = indexes.getString("COLUMN_NAME");
						if (column != null) {
							columns.add(column.toUpperCase(Locale.ROOT));
						}
					}
				}
			}
		}
		return columns;
	}

}
