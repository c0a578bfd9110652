package com.blooio.spring.webhook.deduplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * A {@link WebhookDeduplicationStore} in a database table, through Spring JDBC: every
 * instance that uses the same database shares it, and it outlives restarts.
 * <p>
 * One row per key: {@code DEDUPLICATION_KEY} (the primary key), {@code OWNER_TOKEN},
 * {@code STATE} ({@code LEASE} or {@code COMPLETED}) and {@code EXPIRES_AT} (epoch
 * milliseconds), with an index on {@code EXPIRES_AT}. {@link #createTable} creates it
 * from the script for the database's platform, shipped next to this class:
 * {@code schema-postgresql.sql}, {@code schema-mysql.sql} (MySQL and MariaDB) and
 * {@code schema-h2.sql}, in which {@code @@TABLE_NAME@@} and {@code @@INDEX_NAME@@} stand
 * for the table's name and its index's (the table's name followed by
 * {@code _EXPIRES_IX}). On other databases, create the table from one of them; the store
 * itself uses only portable SQL there.
 * <p>
 * A claim inserts a lease; the primary key lets one of concurrent claims of a key
 * succeed. When the key exists, a conditional update takes over a row whose time is up,
 * and otherwise the row tells whether the key is in progress or completed. No table is
 * locked, and a new key costs one statement. Complete and release are conditional on the
 * owner token. Keys longer than 255 characters, or with characters other than printable
 * ASCII, are stored as their SHA-256 digest, so that every database compares them
 * exactly.
 * <p>
 * Each statement runs on a connection of its own in auto-commit, never in a transaction
 * of the calling thread: a claim must be seen by other instances at once and must not be
 * undone by the caller's rollback, and a duplicate key cannot abort the caller's
 * transaction (as it would on PostgreSQL). Called within such a transaction, the store
 * holds a second connection from the pool until the transaction ends. On PostgreSQL,
 * inserts use {@code ON CONFLICT DO NOTHING}, so a duplicate costs no failed statement.
 * <p>
 * Leases and retention are measured with this instance's {@link Clock} and stored as
 * absolute times: every instance sharing the table needs a synchronised clock (NTP). An
 * instance whose clock runs ahead takes leases over, and forgets completed keys, that
 * much early. Expired rows are deleted at most once per purge interval (one minute by
 * default) by the claim that finds the interval over.
 *
 * @since 0.1.0
 */
public final class JdbcWebhookDeduplicationStore implements WebhookDeduplicationStore {

	/** Name of the table unless another is given. */
	public static final String DEFAULT_TABLE_NAME = "BLOOIO_WEBHOOK_DEDUPLICATION";

	/** How often expired rows are deleted unless set otherwise. */
	public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(JdbcWebhookDeduplicationStore.class);

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private static final int MAX_STORED_KEY_LENGTH = 255;

	private static final String HASHED_KEY_PREFIX = "sha256:";

	private static final String LEASE = "LEASE";

	private static final String COMPLETED = "COMPLETED";

	/**
	 * Rounds of insert, take-over and read before a claim gives up and reports the key in
	 * progress (so the delivery is retried): another round is needed only when the row
	 * changed between two statements.
	 */
	private static final int MAX_CLAIM_ROUNDS = 3;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final String tableName;

	private final long retentionMillis;

	private final Clock clock;

	private final Sql sql;

	private final OwnerTokens owners = new OwnerTokens();

	private final AtomicLong nextPurgeAt;

	private volatile long purgeIntervalMillis = DEFAULT_PURGE_INTERVAL.toMillis();

	private volatile @Nullable Platform platform;

	/**
	 * Creates a store in {@value #DEFAULT_TABLE_NAME}, on the system clock.
	 * @param dataSource the database
	 * @param retention how long a handled key is remembered
	 */
	public JdbcWebhookDeduplicationStore(DataSource dataSource, Duration retention) {
		this(dataSource, DEFAULT_TABLE_NAME, retention, Clock.systemUTC());
	}

	/**
	 * Creates a store on the system clock.
	 * @param dataSource the database
	 * @param tableName the table, optionally qualified by its schema
	 * @param retention how long a handled key is remembered
	 */
	public JdbcWebhookDeduplicationStore(DataSource dataSource, String tableName, Duration retention) {
		this(dataSource, tableName, retention, Clock.systemUTC());
	}

	/**
	 * Creates a store.
	 * @param dataSource the database
	 * @param tableName the table, optionally qualified by its schema
	 * @param retention how long a handled key is remembered
	 * @param clock the clock deciding when leases and retention end; every instance
	 * sharing the table needs the same time
	 */
	public JdbcWebhookDeduplicationStore(DataSource dataSource, String tableName, Duration retention, Clock clock) {
		if (dataSource == null) {
			throw new IllegalArgumentException("dataSource must not be null");
		}
		checkTableName(tableName);
		if (retention == null || retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("retention must be positive");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock must not be null");
		}
		this.dataSource = ownConnections(dataSource);
		this.jdbc = JdbcClient.create(this.dataSource);
		this.tableName = tableName;
		this.retentionMillis = retention.toMillis();
		this.clock = clock;
		this.sql = new Sql(tableName);
		this.nextPurgeAt = new AtomicLong(clock.millis());
	}

	/**
	 * Creates the store's table and its index unless they exist, from the script for the
	 * database's platform ({@code schema-<platform>.sql} next to this class). Instances
	 * starting together may all call it: a table that another one created meanwhile
	 * counts as created.
	 * @param dataSource the database
	 * @param tableName the table, optionally qualified by its schema
	 * @throws IllegalStateException when there is no script for the database's platform
	 * (scripts exist for PostgreSQL, MySQL, MariaDB and H2)
	 * @throws DataAccessException when the table could not be created
	 */
	public static void createTable(DataSource dataSource, String tableName) {
		checkTableName(tableName);
		DataSource own = ownConnections(dataSource);
		String productName = Platform.productName(own);
		Platform platform = Platform.of(productName);
		if (platform.script == null) {
			throw new IllegalStateException("No schema script for database '" + productName + "': scripts exist for "
					+ Platform.SUPPORTED + ". Create table " + tableName + " yourself from one of the schema-*.sql "
					+ "scripts next to " + JdbcWebhookDeduplicationStore.class.getName());
		}
		JdbcClient jdbc = JdbcClient.create(own);
		for (String statement : platform.statements(tableName)) {
			try {
				jdbc.sql(statement).update();
			}
			catch (DataAccessException ex) {
				// another instance creating the same object at this moment (PostgreSQL
				// fails IF NOT EXISTS on the catalog's unique keys): once its statement
				// has committed, ours finds the object there
				createdMeanwhile(jdbc, statement, tableName, ex);
			}
		}
	}

	/**
	 * Returns the statements of the schema script for a database product.
	 * @param databaseProductName the product, as the JDBC driver names it
	 * @param tableName the table
	 * @return the statements, placeholders replaced
	 */
	static List<String> schemaStatements(String databaseProductName, String tableName) {
		return Platform.of(databaseProductName).statements(tableName);
	}

	private static void createdMeanwhile(JdbcClient jdbc, String statement, String tableName,
			DataAccessException failure) {
		try {
			jdbc.sql(statement).update();
		}
		catch (DataAccessException again) {
			if (!tableExists(jdbc, tableName)) {
				again.addSuppressed(failure);
				throw again;
			}
			logger.warn("Table " + tableName + " of the Blooio webhook de-duplication store exists, but this failed: "
					+ statement, again);
		}
	}

	private static boolean tableExists(JdbcClient jdbc, String tableName) {
		try {
			jdbc.sql("SELECT COUNT(*) FROM " + tableName + " WHERE 1 = 0").query(Long.class).single();
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	/**
	 * Sets how often expired rows are deleted: by the first claim after the interval.
	 * @param purgeInterval the interval; zero purges on every claim
	 */
	public void setPurgeInterval(Duration purgeInterval) {
		if (purgeInterval == null || purgeInterval.isNegative()) {
			throw new IllegalArgumentException("purgeInterval must not be negative");
		}
		this.purgeIntervalMillis = purgeInterval.toMillis();
	}

	/**
	 * Returns the table the store uses.
	 * @return the table's name, as given
	 */
	public String getTableName() {
		return this.tableName;
	}

	@Override
	public Claim claim(String key, Duration lease) {
		String storedKey = storedKey(key);
		long now = this.clock.millis();
		String owner = this.owners.next();
		Claim claim = claim(storedKey, owner, now + lease.toMillis(), now);
		purgeIfDue(now);
		return claim;
	}

	private Claim claim(String key, String owner, long expiresAt, long now) {
		for (int round = 0; round < MAX_CLAIM_ROUNDS; round++) {
			if (insert(key, owner, LEASE, expiresAt)) {
				return Claim.claimed(owner);
			}
			if (this.jdbc.sql(this.sql.takeOver).params(owner, expiresAt, key, now).update() == 1) {
				return Claim.claimed(owner);
			}
			Optional<Row> row = this.jdbc.sql(this.sql.select)
				.param(key)
				.query((rs, rowNum) -> new Row(rs.getString(1), rs.getLong(2)))
				.optional();
			if (row.isPresent() && row.get().expiresAt() > now) {
				return COMPLETED.equals(row.get().state()) ? Claim.COMPLETED : Claim.IN_PROGRESS;
			}
			// released, purged or taken over between our statements
		}
		return Claim.IN_PROGRESS;
	}

	@Override
	public boolean complete(String key, String owner) {
		String storedKey = storedKey(key);
		long now = this.clock.millis();
		long expiresAt = now + this.retentionMillis;
		// this owner's lease, even expired, still counts as long as nobody took the key
		// over; an expired row of anyone else's is replaced, a missing one inserted
		if (this.jdbc.sql(this.sql.complete).params(owner, expiresAt, storedKey, owner, now).update() == 1) {
			return true;
		}
		return insert(storedKey, owner, COMPLETED, expiresAt);
	}

	@Override
	public boolean release(String key, String owner) {
		return this.jdbc.sql(this.sql.release).params(storedKey(key), owner).update() == 1;
	}

	private boolean insert(String key, String owner, String state, long expiresAt) {
		Platform platform = platform();
		try {
			return this.jdbc.sql((platform == Platform.POSTGRESQL) ? this.sql.insertOrNothing : this.sql.insert)
				.params(key, owner, state, expiresAt)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private void purgeIfDue(long now) {
		long due = this.nextPurgeAt.get();
		if (now < due || !this.nextPurgeAt.compareAndSet(due, now + this.purgeIntervalMillis)) {
			return;
		}
		try {
			int purged = this.jdbc.sql(this.sql.purge).param(now).update();
			if (logger.isDebugEnabled()) {
				logger.debug("Purged " + purged + " expired keys from " + this.tableName);
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Could not purge expired keys from " + this.tableName + " (tried again after "
					+ Duration.ofMillis(this.purgeIntervalMillis) + ")", ex);
		}
	}

	private Platform platform() {
		Platform platform = this.platform;
		if (platform == null) {
			platform = Platform.of(Platform.productName(this.dataSource));
			this.platform = platform;
		}
		return platform;
	}

	/**
	 * Returns the key as stored: itself when every database compares it exactly,
	 * otherwise its digest.
	 */
	static String storedKey(String key) {
		if (key == null) {
			throw new IllegalArgumentException("key must not be null");
		}
		if (isStoredAsIs(key)) {
			return key;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HASHED_KEY_PREFIX + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Whether a key is printable ASCII that no database pads or folds: MySQL's collations
	 * ignore trailing spaces.
	 */
	private static boolean isStoredAsIs(String key) {
		int length = key.length();
		if (length == 0 || length > MAX_STORED_KEY_LENGTH || key.charAt(length - 1) == ' '
				|| key.startsWith(HASHED_KEY_PREFIX)) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = key.charAt(i);
			if (c < ' ' || c > '~') {
				return false;
			}
		}
		return true;
	}

	private static void checkTableName(String tableName) {
		if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
			throw new IllegalArgumentException(
					"tableName must be a table name, optionally qualified by a schema, but was " + tableName);
		}
	}

	/**
	 * Connections of the store's own, in auto-commit: a target that would hand out the
	 * connection of the caller's transaction is bypassed, and this data source is not the
	 * key under which a transaction manager binds one.
	 */
	private static DataSource ownConnections(DataSource dataSource) {
		if (dataSource instanceof AutoCommitDataSource) {
			return dataSource;
		}
		DataSource target = dataSource;
		if (dataSource instanceof TransactionAwareDataSourceProxy proxy && proxy.getTargetDataSource() != null) {
			target = proxy.getTargetDataSource();
		}
		return new AutoCommitDataSource(target);
	}

	private static final class AutoCommitDataSource extends DelegatingDataSource {

		AutoCommitDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return autoCommit(obtainTargetDataSource().getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return autoCommit(obtainTargetDataSource().getConnection(username, password));
		}

		/**
		 * Switches auto-commit on when the pool hands out connections without it, as
		 * their statements would otherwise be rolled back; pools such as HikariCP restore
		 * their setting when the connection returns.
		 */
		private static Connection autoCommit(Connection connection) throws SQLException {
			try {
				if (!connection.getAutoCommit()) {
					connection.setAutoCommit(true);
				}
				return connection;
			}
			catch (SQLException ex) {
				connection.close();
				throw ex;
			}
		}

	}

	/**
	 * The statements, for one table.
	 */
	private static final class Sql {

		final String insert;

		final String insertOrNothing;

		final String takeOver;

		final String select;

		final String complete;

		final String release;

		final String purge;

		Sql(String table) {
			this.insert = "INSERT INTO " + table + " (DEDUPLICATION_KEY, OWNER_TOKEN, STATE, EXPIRES_AT)"
					+ " VALUES (?, ?, ?, ?)";
			this.insertOrNothing = this.insert + " ON CONFLICT (DEDUPLICATION_KEY) DO NOTHING";
			this.takeOver = "UPDATE " + table + " SET OWNER_TOKEN = ?, STATE = '" + LEASE + "', EXPIRES_AT = ?"
					+ " WHERE DEDUPLICATION_KEY = ? AND EXPIRES_AT <= ?";
			this.select = "SELECT STATE, EXPIRES_AT FROM " + table + " WHERE DEDUPLICATION_KEY = ?";
			this.complete = "UPDATE " + table + " SET OWNER_TOKEN = ?, STATE = '" + COMPLETED + "', EXPIRES_AT = ?"
					+ " WHERE DEDUPLICATION_KEY = ? AND ((STATE = '" + LEASE + "' AND OWNER_TOKEN = ?)"
					+ " OR EXPIRES_AT <= ?)";
			this.release = "DELETE FROM " + table + " WHERE DEDUPLICATION_KEY = ? AND OWNER_TOKEN = ? AND STATE = '"
					+ LEASE + "'";
			this.purge = "DELETE FROM " + table + " WHERE EXPIRES_AT <= ?";
		}

	}

	private record Row(String state, long expiresAt) {
	}

	/**
	 * The database platforms the store knows: a schema script each, and on PostgreSQL
	 * inserts that skip a duplicate key without failing.
	 */
	private enum Platform {

		POSTGRESQL("schema-postgresql.sql"), MYSQL("schema-mysql.sql"), H2("schema-h2.sql"), OTHER(null);

		static final String SUPPORTED = "PostgreSQL, MySQL, MariaDB and H2";

		final @Nullable String script;

		Platform(@Nullable String script) {
			this.script = script;
		}

		static String productName(DataSource dataSource) {
			try {
				String productName = JdbcUtils.extractDatabaseMetaData(dataSource,
						DatabaseMetaData::getDatabaseProductName);
				return (productName != null) ? productName : "unknown";
			}
			catch (MetaDataAccessException ex) {
				throw new DataAccessResourceFailureException("Could not tell which database " + dataSource + " is", ex);
			}
		}

		static Platform of(String productName) {
			String name = productName.toLowerCase(Locale.ROOT);
			if (name.contains("postgresql")) {
				return POSTGRESQL;
			}
			if (name.contains("mysql") || name.contains("mariadb")) {
				return MYSQL;
			}
			if (name.equals("h2")) {
				return H2;
			}
			return OTHER;
		}

		List<String> statements(String tableName) {
			if (this.script == null) {
				throw new IllegalStateException("No schema script for " + this);
			}
			String script = read(this.script);
			String unqualified = tableName.substring(tableName.lastIndexOf('.') + 1);
			script = script.replace("@@TABLE_NAME@@", tableName).replace("@@INDEX_NAME@@", unqualified + "_EXPIRES_IX");
			List<String> statements = new ArrayList<>();
			StringBuilder withoutComments = new StringBuilder();
			for (String line : script.split("\n")) {
				if (!line.trim().startsWith("--")) {
					withoutComments.append(line).append('\n');
				}
			}
			for (String statement : withoutComments.toString().split(";")) {
				if (!statement.isBlank()) {
					statements.add(statement.trim());
				}
			}
			return statements;
		}

		private static String read(String script) {
			try {
				return new ClassPathResource(script, JdbcWebhookDeduplicationStore.class)
					.getContentAsString(StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
