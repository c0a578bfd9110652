package com.blooio.spring.webhook.deduplication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.blooio.spring.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcWebhookDeduplicationStore} on a real PostgreSQL server.
 */
class PostgresJdbcWebhookDeduplicationStoreTests extends JdbcWebhookDeduplicationStoreTests {

	private static TestPostgres.Database database;

	private static HikariDataSource dataSource;

	@BeforeAll
	static void createDatabase() {
		database = TestPostgres.createDatabase();
		dataSource = database.dataSource(10);
	}

	@AfterAll
	static void closePool() {
		dataSource.close();
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

	@Override
	HikariDataSource dataSourceWithoutAutoCommit() {
		return database.dataSource(2, false);
	}

	@Test
	void storesCreatingTheTableTogetherOnAnEmptyDatabaseAllSucceed() throws Exception {
		// CREATE TABLE IF NOT EXISTS run at the same moment fails on PostgreSQL's catalog
		// (duplicate pg_type): the store must count a table created meanwhile as created
		int instances = 4;
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try (HikariDataSource pool = database.dataSource(instances)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			for (int round = 0; round < 20; round++) {
				String table = "BLOOIO_RACE_" + round;
				CyclicBarrier start = new CyclicBarrier(instances);
				List<Future<Boolean>> claims = new ArrayList<>();
				for (int i = 0; i < instances; i++) {
					claims.add(executor.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						JdbcWebhookDeduplicationStore.createTable(pool, table);
						return new JdbcWebhookDeduplicationStore(pool, table, RETENTION, this.clock).claim("k", LEASE)
							.isClaimed();
					}));
				}
				long claimed = 0;
				for (Future<Boolean> claim : claims) {
					claimed += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(claimed).as(table).isOne();
				assertThat(indexedColumns(table)).as(table).contains("EXPIRES_AT");
				jdbc.sql("DROP TABLE " + table).update();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
