package com.blooio.spring.webhook.catchup;

import java.time.Instant;
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
 * Tests for {@link JdbcCatchUpCheckpointStore} on a real PostgreSQL server.
 */
class PostgresJdbcCatchUpCheckpointStoreTests extends JdbcCatchUpCheckpointStoreTests {

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
	void instancesCreatingTheTableAndSavingTogetherOnAnEmptyDatabaseAllSucceed() throws Exception {
		// CREATE TABLE IF NOT EXISTS run at the same moment fails on PostgreSQL's catalog
		// (duplicate pg_type), and the first inserts of the row collide
		int instances = 4;
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try (HikariDataSource pool = database.dataSource(instances)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			for (int round = 0; round < 20; round++) {
				String table = "BLOOIO_CATCH_UP_RACE_" + round;
				CyclicBarrier start = new CyclicBarrier(instances);
				List<Future<?>> starts = new ArrayList<>();
				for (int i = 0; i < instances; i++) {
					long checkpoint = T1.toEpochMilli() + i;
					starts.add(executor.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						JdbcCatchUpCheckpointStore.createTable(pool, table);
						new JdbcCatchUpCheckpointStore(pool, table, NAME).save(Instant.ofEpochMilli(checkpoint));
						return null;
					}));
				}
				for (Future<?> started : starts) {
					started.get(30, TimeUnit.SECONDS);
				}
				assertThat(new JdbcCatchUpCheckpointStore(pool, table, NAME).load()).as(table)
					.isEqualTo(T1.plusMillis(instances - 1));
				jdbc.sql("DROP TABLE " + table).update();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
