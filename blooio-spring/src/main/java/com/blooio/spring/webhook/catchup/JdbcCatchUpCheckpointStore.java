package com.blooio.spring.webhook.catchup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;

/**
 * A {@link CatchUpCheckpointStore} in a database table, through Spring JDBC: every
 * instance that uses the same database and name shares it, and it outlives restarts.
 * <p>
 * One row per checkpoint: {@code CHECKPOINT_NAME} (the primary key) and
 * {@code CHECKPOINT_AT} (epoch milliseconds; a checkpoint is saved rounded down to the
 * millisecond, so it never claims more than was published). The name lets several
 * applications keep their checkpoints in one table; the auto-configuration names a
 * checkpoint after the de-duplication table it goes with, so that the instances sharing
 * de-duplication share the checkpoint too. {@link #createTable} creates the table from
 * the script for the database's platform, shipped next to this class:
 * {@code schema-postgresql.sql}, {@code schema-mysql.sql} (MySQL and MariaDB) and
 * {@code schema-h2.sql}, in which {@code @@TABLE_NAME@@} stands for the table's name. On
 * other databases, create the table from one of them; the store itself uses only portable
 * SQL.
 * <p>
 * Saving never moves the checkpoint back, however instances interleave: a conditional
 * {@code UPDATE ... WHERE CHECKPOINT_AT < ?} moves it forward; when it changes nothing,
 * the row is read, and inserted if missing. Of two instances inserting at once, the one
 * refused by the primary key updates the row the other inserted, which nothing deletes.
 * Each statement runs on a connection of its own in auto-commit, never in a transaction
 * of the calling thread, so a checkpoint is seen by other instances at once and is not
 * undone by the caller's rollback.
 *
 * @since 0.1.0
 */
public final class JdbcCatchUpCheckpointStore implements CatchUpCheckpointStore {

	/** Name of the table unless another is given. */
	public static final String DEFAULT_TABLE_NAME = "BLOOIO_WEBHOOK_CATCH_UP";

	/**
	 * Name of the checkpoint unless another is given: the de-duplication store's default
	 * table, as the auto-configuration names a checkpoint after the de-duplication table.
	 */
	public static final String DEFAULT_NAME = JdbcWebhookDeduplicationStore.DEFAULT_TABLE_NAME;

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	/**
	 * Printable ASCII, up to the column's 255 characters, no space at either end: what
	 * every database compares exactly (MySQL's collations ignore trailing spaces).
	 */
	private static final Pattern NAME = Pattern.compile("[!-~]([ -~]{0,253}[!-~])?");

	private static final String SUPPORTED = "PostgreSQL, MySQL, MariaDB and H2";

	private final JdbcClient jdbc;

	private final String tableName;

	private final String name;

	private final String update;

	private final String select;

	private final String insert;

	/**
	 * Creates a store in {@link #DEFAULT_TABLE_NAME} under {@link #DEFAULT_NAME}.
	 * @param dataSource the database
	 */
	public JdbcCatchUpCheckpointStore(DataSource dataSource) {
		this(dataSource, DEFAULT_TABLE_NAME, DEFAULT_NAME);
	}

	/**
	 * Creates a store.
	 * @param dataSource the database
	 * @param tableName the table, optionally qualified by its schema
	 * @param name the checkpoint's row: printable ASCII, at most 255 characters, without
	 * a space at either end
	 */
	public JdbcCatchUpCheckpointStore(DataSource dataSource, String tableName, String name) {
		if (dataSource == null) {
			throw new IllegalArgumentException("dataSource must not be null");
		}
		checkTableName(tableName);
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("name must be 1 to 255 characters of printable ASCII, without a space "
					+ "at either end, but was " + name);
		}
		this.jdbc = JdbcClient.create(ownConnections(dataSource));
		this.tableName = tableName;
		this.name = name;
		this.update = "UPDATE " + tableName + " SET CHECKPOINT_AT = ? WHERE CHECKPOINT_NAME = ? AND CHECKPOINT_AT < ?";
		this.select = "SELECT CHECKPOINT_AT FROM " + tableName + " WHERE CHECKPOINT_NAME = ?";
		this.insert = "INSERT INTO " + tableName + " (CHECKPOINT_NAME, CHECKPOINT_AT) VALUES (?, ?)";
	}

	/**
	 * Creates the store's table unless it exists, from the script for the database's
	 * platform ({@code schema-<platform>.sql} next to this class). Instances starting
	 * together may all call it: a table that another one created meanwhile counts as
	 * created.
	 * @param dataSource the database
	 * @param tableName the table, optionally qualified by its schema
	 * @throws IllegalStateException when there is no script for the database's platform
	 * (scripts exist for PostgreSQL, MySQL, MariaDB and H2)
	 * @throws DataAccessException when the table could not be created
	 */
	public static void createTable(DataSource dataSource, String tableName) {
		checkTableName(tableName);
		DataSource own = ownConnections(dataSource);
		JdbcClient jdbc = JdbcClient.create(own);
		for (String statement : schemaStatements(productName(own), tableName)) {
			try {
				jdbc.sql(statement).update();
			}
			catch (DataAccessException ex) {
				// another instance creating the table at this moment (PostgreSQL fails IF
				// NOT EXISTS on its catalog's unique keys once that one commits)
				if (!tableExists(jdbc, tableName)) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Returns the statements of the schema script for a database product.
	 * @param databaseProductName the product, as the JDBC driver names it
	 * @param tableName the table
	 * @return the statements, the table's name in place
	 * @throws IllegalStateException when there is no script for the product
	 */
	static List<String> schemaStatements(String databaseProductName, String tableName) {
		String script = read(scriptFor(databaseProductName, tableName)).replace("@@TABLE_NAME@@", tableName);
		StringBuilder withoutComments = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.trim().startsWith("--")) {
				withoutComments.append(line).append('\n');
			}
		}
		List<String> statements = new ArrayList<>();
		for (String statement : withoutComments.toString().split(";")) {
			if (!statement.isBlank()) {
				statements.add(statement.trim());
			}
		}
		return statements;
	}

	@Override
	public @Nullable Instant load() {
		Long millis = saved();
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	@Override
	public void save(Instant checkpoint) {
		if (checkpoint == null) {
			throw new IllegalArgumentException("checkpoint must not be null");
		}
		long millis = checkpoint.toEpochMilli();
		if (moveForward(millis)) {
			return;
		}
		Long saved = saved();
		if (saved != null) {
			if (saved < millis) {
				// inserted, earlier, since our update: the row exists now, so this
				// decides
				moveForward(millis);
			}
			return;
		}
		try {
			this.jdbc.sql(this.insert).params(this.name, millis).update();
		}
		catch (DataIntegrityViolationException ex) {
			// another instance inserted the row first: it is there to update now
			moveForward(millis);
		}
	}

	private boolean moveForward(long millis) {
		return this.jdbc.sql(this.update).params(millis, this.name, millis).update() == 1;
	}

	private @Nullable Long saved() {
		return this.jdbc.sql(this.select).param(this.name).query(Long.class).optional().orElse(null);
	}

	/**
	 * Returns the table the store uses.
	 * @return the table's name, as given
	 */
	public String getTableName() {
		return this.tableName;
	}

	/**
	 * Returns the name of the checkpoint's row.
	 * @return the name, as given
	 */
	public String getName() {
		return this.name;
	}

	@Override
	public String toString() {
		return "JdbcCatchUpCheckpointStore{tableName=" + this.tableName + ", name=" + this.name + "}";
	}

	private static void checkTableName(String tableName) {
		if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
			throw new IllegalArgumentException(
					"tableName must be a table name, optionally qualified by a schema, but was " + tableName);
		}
	}

	private static String scriptFor(String productName, String tableName) {
		String product = productName.toLowerCase(Locale.ROOT);
		if (product.contains("postgresql")) {
			return "schema-postgresql.sql";
		}
		if (product.contains("mysql") || product.contains("mariadb")) {
			return "schema-mysql.sql";
		}
		if (product.equals("h2")) {
			return "schema-h2.sql";
		}
		throw new IllegalStateException("No schema script for database '" + productName + "': scripts exist for "
				+ SUPPORTED + ". Create table " + tableName + " yourself from one of the schema-*.sql scripts next to "
				+ JdbcCatchUpCheckpointStore.class.getName());
	}

	private static String read(String script) {
		try {
			return new ClassPathResource(script, JdbcCatchUpCheckpointStore.class)
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String productName(DataSource dataSource) {
		try {
			String productName = JdbcUtils.extractDatabaseMetaData(dataSource,
					DatabaseMetaData::getDatabaseProductName);
			return (productName != null) ? productName : "unknown";
		}
		catch (MetaDataAccessException ex) {
			throw new DataAccessResourceFailureException("Could not tell which database " + dataSource + " is", ex);
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
	 * Connections of the store's own, in auto-commit: a target that would hand out the
	 * connection of the caller's transaction is bypassed, and the wrapper is not the key
	 * under which a transaction manager binds one.
	 */
	private static DataSource ownConnections(DataSource dataSource) {
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
		 * Switches auto-commit on when the pool hands out connections without it, as the
		 * statements would otherwise be rolled back; pools such as HikariCP restore their
		 * setting when the connection returns.
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

}
