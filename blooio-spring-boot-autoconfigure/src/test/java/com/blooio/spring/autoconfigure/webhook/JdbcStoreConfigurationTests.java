package com.blooio.spring.autoconfigure.webhook;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;

import com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.EventRecorder;
import com.blooio.spring.autoconfigure.webhook.servlet.BlooioWebhookWebMvcAutoConfiguration;
import com.blooio.spring.support.ExpectedLogs;
import com.blooio.spring.support.TestPostgres;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.catchup.InMemoryCatchUpCheckpointStore;
import com.blooio.spring.webhook.catchup.JdbcCatchUpCheckpointStore;
import com.blooio.spring.webhook.deduplication.InMemoryWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.JdbcWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore.Claim;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.DEFAULT_PATH;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.RECEIVED_FIXTURE;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SECRET;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.reactiveApplicationWithoutServer;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.SIGNATURE_HEADER;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.fixture;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.sign;
import static com.blooio.spring.autoconfigure.webhook.WebhookEndpointTestSupport.withoutSystemEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JdbcStoreConfiguration}: the JDBC de-duplication store on the
 * application's {@code DataSource} (H2, a real PostgreSQL, HSQLDB as a database without a
 * script), its schema initialization modes, and how start-up fails without a
 * {@code DataSource}.
 */
@ExtendWith(OutputCaptureExtension.class)
class JdbcStoreConfigurationTests {

	// warnings and errors of the starter that the tests provoke on purpose
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.ofLoggers("com.blooio.spring");

	// Boot's failure report of the applications these tests make fail on purpose
	@RegisterExtension
	final ExpectedLogs failureReport = ExpectedLogs.ofLoggers("org.springframework.boot.diagnostics",
			"org.springframework.boot.SpringApplication");

	private static final String TABLE = JdbcWebhookDeduplicationStore.DEFAULT_TABLE_NAME;

	private static final String CHECKPOINT_TABLE = JdbcCatchUpCheckpointStore.DEFAULT_TABLE_NAME;

	private static final Instant CHECKPOINT = Instant.parse("2025-01-15T10:00:00.123Z");

	private final AtomicReference<Environment> environment = new AtomicReference<>();

	private final AtomicReference<BeanFactory> beanFactory = new AtomicReference<>();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(withoutSystemEnvironment())
		.withInitializer(this::remember)
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
						DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
						DataSourceAutoConfiguration.class, DataSourceInitializationAutoConfiguration.class,
						BlooioWebhookAutoConfiguration.class, BlooioWebhookWebMvcAutoConfiguration.class))
		.withBean(EventRecorder.class)
		.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.deduplication.store=jdbc");

	private void remember(ConfigurableApplicationContext context) {
		this.environment.set(context.getEnvironment());
		this.beanFactory.set(context.getBeanFactory());
	}

	private static String h2Url() {
		return "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	@Test
	void jdbcStoreOnAnEmbeddedDatabaseCreatesItsTableAndRemembersHandledDeliveries(CapturedOutput output) {
		this.contextRunner.withPropertyValues(h2Url()).run((context) -> {
			assertThat(context).hasSingleBean(JdbcWebhookDeduplicationStore.class);
			assertThat(context).doesNotHaveBean(InMemoryWebhookDeduplicationStore.class);
			byte[] body = fixture(RECEIVED_FIXTURE);
			String signature = sign(body);
			assertThat(post(context, body, signature)).isEqualTo("200 handled");
			assertThat(post(context, body, signature)).isEqualTo("200 duplicate");
			assertThat(context.getBean(EventRecorder.class).all()).hasSize(1);
			assertThat(rows(context, TABLE)).isOne();
			assertThat(output).contains("Blooio webhook de-duplication: shared through the table " + TABLE);
		});
	}

	@Test
	void webhookAutoConfigurationIsOrderedAfterBootsDataSourceAutoConfiguration() {
		String[] afterNames = BlooioWebhookAutoConfiguration.class.getAnnotation(AutoConfiguration.class).afterName();
		assertThat(afterNames).contains(DataSourceAutoConfiguration.class.getName());
	}

	@Test
	void jdbcStoreFindsTheDataSourceThatBootAutoConfigures() {
		// alphabetically Blooio comes first: only afterName puts the DataSource ahead
		new WebApplicationContextRunner().withInitializer(withoutSystemEnvironment())
			.withConfiguration(
					AutoConfigurations.of(BlooioWebhookAutoConfiguration.class, DataSourceAutoConfiguration.class))
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.deduplication.store=jdbc", h2Url())
			.run((context) -> assertThat(context).hasSingleBean(JdbcWebhookDeduplicationStore.class));
	}

	@Test
	void embeddedModeCreatesNoTableOnPostgres() {
		TestPostgres.Database database = TestPostgres.createDatabase();
		this.contextRunner.withPropertyValues(datasource(database)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tableExists(context, TABLE)).isFalse();
			assertThat(tableExists(context, CHECKPOINT_TABLE)).isFalse();
		});
	}

	@Test
	void alwaysModeCreatesTheTableOnPostgres() {
		TestPostgres.Database database = TestPostgres.createDatabase();
		this.contextRunner.withPropertyValues(datasource(database))
			.withPropertyValues("blooio.webhook.deduplication.jdbc.initialize-schema=always")
			.run((context) -> {
				assertThat(tableExists(context, TABLE)).isTrue();
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).isEqualTo("200 handled");
				assertThat(rows(context, TABLE)).isOne();
			});
	}

	@Test
	void alwaysModeCreatesTheCatchUpCheckpointTableOnPostgres() {
		TestPostgres.Database database = TestPostgres.createDatabase();
		this.contextRunner.withPropertyValues(datasource(database))
			.withPropertyValues("blooio.webhook.deduplication.jdbc.initialize-schema=always")
			.run((context) -> {
				CatchUpCheckpointStore checkpoints = context.getBean(CatchUpCheckpointStore.class);
				checkpoints.save(CHECKPOINT);
				assertThat(checkpoints.load()).isEqualTo(CHECKPOINT);
				assertThat(rows(context, CHECKPOINT_TABLE)).isOne();
			});
	}

	@Test
	void neverModeCreatesNoTableEvenOnAnEmbeddedDatabase() {
		this.contextRunner.withPropertyValues(h2Url(), "blooio.webhook.deduplication.jdbc.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcWebhookDeduplicationStore.class);
				assertThat(tableExists(context, TABLE)).isFalse();
				assertThat(tableExists(context, CHECKPOINT_TABLE)).isFalse();
			});
	}

	@Test
	void deliveryWhileTheTableIsMissingIsAnsweredServiceUnavailable() {
		this.contextRunner.withPropertyValues(h2Url(), "blooio.webhook.deduplication.jdbc.initialize-schema=never")
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).startsWith("503 ");
				assertThat(context.getBean(EventRecorder.class).all()).isEmpty();
			});
		assertThat(this.logs.text()).contains(
				"ERROR com.blooio.spring.webhook.BlooioWebhookHandler - Could not claim Blooio webhook BlooioMessageReceivedEvent");
	}

	@Test
	void customTableNameIsCreatedAndUsed() {
		this.contextRunner.withPropertyValues(h2Url(), "blooio.webhook.deduplication.jdbc.table-name=APP_WEBHOOKS")
			.run((context) -> {
				assertThat(context.getBean(JdbcWebhookDeduplicationStore.class).getTableName())
					.isEqualTo("APP_WEBHOOKS");
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).isEqualTo("200 handled");
				assertThat(rows(context, "APP_WEBHOOKS")).isOne();
				assertThat(tableExists(context, TABLE)).isFalse();
			});
	}

	@Test
	void catchUpCheckpointIsKeptInItsTableOfTheDataSourceUnderTheDeduplicationTablesName(CapturedOutput output) {
		this.contextRunner.withPropertyValues(h2Url()).run((context) -> {
			assertThat(context).hasSingleBean(CatchUpCheckpointStore.class);
			assertThat(context).getBean(CatchUpCheckpointStore.class)
				.isInstanceOf(JdbcCatchUpCheckpointStore.class)
				.hasFieldOrPropertyWithValue("tableName", CHECKPOINT_TABLE)
				.hasFieldOrPropertyWithValue("name", TABLE);
			CatchUpCheckpointStore checkpoints = context.getBean(CatchUpCheckpointStore.class);
			assertThat(checkpoints.load()).isNull();
			checkpoints.save(CHECKPOINT);
			assertThat(checkpoints.load()).isEqualTo(CHECKPOINT);
			assertThat(output).contains("Blooio catch-up checkpoint: shared through the table " + CHECKPOINT_TABLE);
		});
	}

	@Test
	void catchUpCheckpointIsNamedAfterACustomDeduplicationTable() {
		this.contextRunner.withPropertyValues(h2Url(), "blooio.webhook.deduplication.jdbc.table-name=APP_WEBHOOKS")
			.run((context) -> assertThat(context.getBean(JdbcCatchUpCheckpointStore.class))
				.hasFieldOrPropertyWithValue("tableName", CHECKPOINT_TABLE)
				.hasFieldOrPropertyWithValue("name", "APP_WEBHOOKS"));
	}

	@Test
	void catchUpCheckpointTableIsCreatedInTheDeduplicationTablesSchema() {
		this.contextRunner
			.withPropertyValues(h2Url(), "spring.sql.init.schema-locations=classpath:jdbc-store/app-schema.sql",
					"blooio.webhook.deduplication.jdbc.table-name=APP.WEBHOOKS")
			.run((context) -> {
				assertThat(context.getBean(JdbcCatchUpCheckpointStore.class))
					.hasFieldOrPropertyWithValue("tableName", "APP." + CHECKPOINT_TABLE)
					.hasFieldOrPropertyWithValue("name", "APP.WEBHOOKS");
				context.getBean(CatchUpCheckpointStore.class).save(CHECKPOINT);
				assertThat(rows(context, "APP." + CHECKPOINT_TABLE)).isOne();
				assertThat(tableExists(context, CHECKPOINT_TABLE)).isFalse();
			});
	}

	@Test
	void userCatchUpCheckpointStoreReplacesTheJdbcOne() {
		this.contextRunner.withPropertyValues(h2Url())
			.withBean("userCheckpoints", CatchUpCheckpointStore.class, InMemoryCatchUpCheckpointStore::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(CatchUpCheckpointStore.class);
				assertThat(context).doesNotHaveBean(JdbcCatchUpCheckpointStore.class);
				assertThat(context).hasSingleBean(JdbcWebhookDeduplicationStore.class);
				assertThat(tableExists(context, CHECKPOINT_TABLE)).isFalse();
				assertThat(tableExists(context, TABLE)).isTrue();
			});
	}

	@Test
	void catchUpCheckpointStaysInTheDatabaseWhenTheUserDeclaresTheDeduplicationStore() {
		this.contextRunner.withPropertyValues(h2Url())
			.withBean("userStore", WebhookDeduplicationStore.class,
					() -> new InMemoryWebhookDeduplicationStore(10, BlooioWebhookHandler.DEFAULT_LEASE))
			.run((context) -> {
				assertThat(context).getBean(CatchUpCheckpointStore.class)
					.isInstanceOf(JdbcCatchUpCheckpointStore.class);
				context.getBean(CatchUpCheckpointStore.class).save(CHECKPOINT);
				assertThat(rows(context, CHECKPOINT_TABLE)).isOne();
				assertThat(tableExists(context, TABLE)).isFalse();
			});
	}

	@Test
	void databaseWithoutAScriptFailsStartupNamingTheCatchUpCheckpointTable() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:hsqldb:mem:" + UUID.randomUUID(),
					"blooio.webhook.deduplication.jdbc.initialize-schema=always")
			.withBean("userStore", WebhookDeduplicationStore.class,
					() -> new InMemoryWebhookDeduplicationStore(10, BlooioWebhookHandler.DEFAULT_LEASE))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("Cannot create the Blooio catch-up checkpoint table as "
							+ "blooio.webhook.deduplication.jdbc.initialize-schema=always asks: No schema script for "
							+ "database 'HSQL Database Engine'")
					.hasStackTraceContaining("then set blooio.webhook.deduplication.jdbc.initialize-schema=never");
			});
	}

	@Test
	void tableIsCreatedAfterSpringSqlInitCreatedItsSchema() {
		this.contextRunner
			.withPropertyValues(h2Url(), "spring.sql.init.schema-locations=classpath:jdbc-store/app-schema.sql",
					"blooio.webhook.deduplication.jdbc.table-name=APP.WEBHOOKS")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tableExists(context, "APP.WEBHOOKS")).isTrue();
			});
	}

	@Test
	void tableNameThatIsNotAnIdentifierFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(h2Url(), "blooio.webhook.deduplication.jdbc.table-name=WEBHOOKS; DROP TABLE USERS")
			.run((context) -> {
				assertThat(context).hasFailed();
				BindException bindException = findCause(context.getStartupFailure(), BindException.class);
				assertThat(bindException).isNotNull();
				assertThat(bindException.getProperty().getName())
					.hasToString("blooio.webhook.deduplication.jdbc.table-name");
				assertThat(bindException).rootCause()
					.hasMessageContaining("must be a table name, optionally qualified by a schema");
			});
	}

	@Test
	void databaseWithoutAScriptFailsStartupNamingThePropertyAndTheSupportedDatabases() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:hsqldb:mem:" + UUID.randomUUID(),
					"blooio.webhook.deduplication.jdbc.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining(
						"Cannot create the Blooio webhook de-duplication table as blooio.webhook.deduplication.jdbc."
								+ "initialize-schema=always asks: No schema script for database 'HSQL Database Engine'"
								+ ": scripts exist for PostgreSQL, MySQL, MariaDB and H2")
					.hasStackTraceContaining("then set blooio.webhook.deduplication.jdbc.initialize-schema=never");
			});
	}

	@Test
	void embeddedDatabaseWithoutAScriptFailsStartupInEmbeddedMode() {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:hsqldb:mem:" + UUID.randomUUID())
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("blooio.webhook.deduplication.jdbc.initialize-schema=embedded asks");
			});
	}

	@Test
	void databaseWithoutAScriptStartsWhenTheTableIsLeftToTheApplication() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:hsqldb:mem:" + UUID.randomUUID(),
					"blooio.webhook.deduplication.jdbc.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// the application's own table, as HSQLDB spells it: the store's SQL is
				// portable
				JdbcClient.create(context.getBean(DataSource.class))
					.sql("CREATE TABLE " + TABLE + " (DEDUPLICATION_KEY VARCHAR(255) PRIMARY KEY,"
							+ " OWNER_TOKEN VARCHAR(64) NOT NULL, STATE VARCHAR(9) NOT NULL, EXPIRES_AT BIGINT NOT NULL)")
					.update();
				WebhookDeduplicationStore store = context.getBean(WebhookDeduplicationStore.class);
				Claim claim = store.claim("k", BlooioWebhookHandler.DEFAULT_LEASE);
				assertThat(store.claim("k", BlooioWebhookHandler.DEFAULT_LEASE)).isEqualTo(Claim.IN_PROGRESS);
				assertThat(store.complete("k", claim.owner())).isTrue();
				assertThat(store.claim("k", BlooioWebhookHandler.DEFAULT_LEASE)).isEqualTo(Claim.COMPLETED);
			});
	}

	@Test
	void userStoreReplacesTheJdbcStore() {
		this.contextRunner.withPropertyValues(h2Url())
			.withBean("userStore", WebhookDeduplicationStore.class,
					() -> new InMemoryWebhookDeduplicationStore(10, BlooioWebhookHandler.DEFAULT_LEASE))
			.run((context) -> {
				assertThat(context).hasSingleBean(WebhookDeduplicationStore.class);
				assertThat(context).doesNotHaveBean(JdbcWebhookDeduplicationStore.class);
				assertThat(context).doesNotHaveBean("blooioWebhookDeduplicationSchemaInitializer");
				assertThat(tableExists(context, TABLE)).isFalse();
			});
	}

	@Test
	void memoryStoreStaysTheDefaultWhenTheApplicationHasADataSource() {
		this.contextRunner.withPropertyValues(h2Url(), "blooio.webhook.deduplication.store=memory").run((context) -> {
			assertThat(context).hasSingleBean(InMemoryWebhookDeduplicationStore.class);
			assertThat(context).doesNotHaveBean(JdbcWebhookDeduplicationStore.class);
			assertThat(context).doesNotHaveBean(CatchUpCheckpointStore.class);
			assertThat(tableExists(context, TABLE)).isFalse();
			assertThat(tableExists(context, CHECKPOINT_TABLE)).isFalse();
		});
	}

	@Test
	void jdbcStoreWorksWithLazyInitialization() {
		this.contextRunner.withPropertyValues(h2Url())
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				byte[] body = fixture(RECEIVED_FIXTURE);
				assertThat(post(context, body, sign(body))).isEqualTo("200 handled");
				assertThat(rows(context, TABLE)).isOne();
			});
	}

	@Test
	void jdbcStoreOnTheApplicationsOwnDataSourceBean() {
		this.contextRunner.withUserConfiguration(OwnDataSourceConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(JdbcWebhookDeduplicationStore.class);
			assertThat(rows(context, TABLE)).isZero();
		});
	}

	@Test
	void jdbcStoreWithoutADataSourceFailsStartupWithAnalysisNamingTheStoreProperty() {
		new WebApplicationContextRunner().withInitializer(withoutSystemEnvironment())
			.withInitializer(this::remember)
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
							DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
							BlooioWebhookAutoConfiguration.class, BlooioWebhookWebMvcAutoConfiguration.class))
			.withPropertyValues("blooio.webhook.secret=" + SECRET, "blooio.webhook.deduplication.store=jdbc")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'blooio.webhook.deduplication.store' is 'jdbc'")
					.contains("no DataSource bean");
				assertThat(analysis.getAction()).contains("spring-boot-starter-jdbc")
					.contains("spring.datasource.url")
					.contains("blooio.webhook.deduplication.store");
			});
	}

	@Test
	void jdbcStoreWithoutSpringJdbcFailsStartupWithAnalysisNamingTheStoreProperty() {
		this.contextRunner.withPropertyValues(h2Url())
			.withClassLoader(new FilteredClassLoader(JdbcClient.class))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'blooio.webhook.deduplication.store' is 'jdbc'")
					.contains("Spring Boot's JDBC support (spring-boot-jdbc) is not on the classpath");
				assertThat(analysis.getAction()).contains("spring-boot-starter-jdbc");
			});
	}

	@Test
	void jdbcStoreOnOwnDataSourceWithoutSpringBootJdbcFailsStartupWithAnalysisNamingTheStoreProperty() {
		this.contextRunner.withUserConfiguration(OwnDataSourceConfiguration.class)
			.withClassLoader(new FilteredClassLoader(EmbeddedDatabaseConnection.class))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("Spring Boot's JDBC support (spring-boot-jdbc) is not on the classpath");
				assertThat(analysis.getAction()).contains("spring-boot-starter-jdbc");
			});
	}

	@Test
	void missingStoreOfAnotherKindIsNotExplainedAsAJdbcProblem() {
		this.contextRunner.withPropertyValues(h2Url(), "blooio.webhook.deduplication.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analyze(context.getStartupFailure())).isNull();
		});
	}

	@Test
	void failureReportOfSpringApplicationExplainsTheMissingDataSource() {
		SpringApplication application = reactiveApplicationWithoutServer(NoDataSourceApplication.class);
		assertThatException().isThrownBy(() -> application.run("--blooio.webhook.secret=" + SECRET,
				"--blooio.webhook.deduplication.store=jdbc", "--spring.main.log-startup-info=false"));
		assertThat(this.failureReport.text()).contains("APPLICATION FAILED TO START")
			.contains("The property 'blooio.webhook.deduplication.store' is 'jdbc'")
			.contains("spring-boot-starter-jdbc");
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	private FailureAnalysis analyze(Throwable failure) {
		return new NoJdbcStoreFailureAnalyzer(this.environment.get(), this.beanFactory.get()).analyze(failure);
	}

	private static String[] datasource(TestPostgres.Database database) {
		return new String[] { "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password() };
	}

	private static String post(WebApplicationContext context, byte[] body, String signature) throws Exception {
		var result = MockMvcTester.from(context)
			.post()
			.uri(DEFAULT_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature)
			.content(body)
			.exchange();
		return result.getResponse().getStatus() + " " + outcome(result.getResponse().getContentAsString());
	}

	private static String outcome(String json) {
		return json.replaceAll(".*\"outcome\":\"([^\"]*)\".*", "$1");
	}

	private static long rows(ApplicationContext context, String table) {
		return JdbcClient.create(context.getBean(DataSource.class))
			.sql("SELECT COUNT(*) FROM " + table)
			.query(Long.class)
			.single();
	}

	private static boolean tableExists(ApplicationContext context, String table) {
		try {
			rows(context, table);
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDataSourceConfiguration {

		@Bean
		DataSource appDataSource() {
			return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BlooioWebhookAutoConfiguration.class)
	static class NoDataSourceApplication {

	}

}
