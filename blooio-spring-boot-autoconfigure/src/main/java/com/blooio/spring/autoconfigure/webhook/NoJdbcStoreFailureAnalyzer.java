package com.blooio.spring.autoconfigure.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import com.blooio.spring.autoconfigure.BlooioProperties.Deduplication.Store;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

/**
 * Explains a missing de-duplication store when {@code blooio.webhook.deduplication.store}
 * is {@code jdbc} but Spring JDBC or the application's {@code DataSource} is missing, and
 * what to add. Ordered ahead of Spring Boot's generic analysis of a missing bean.
 */
class NoJdbcStoreFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {

	private static final String SPRING_JDBC = "org.springframework.jdbc.core.simple.JdbcClient";

	private static final String SPRING_BOOT_JDBC = "org.springframework.boot.jdbc.EmbeddedDatabaseConnection";

	private final Environment environment;

	private final @Nullable ClassLoader classLoader;

	NoJdbcStoreFailureAnalyzer(Environment environment, @Nullable BeanFactory beanFactory) {
		this.environment = environment;
		this.classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : null;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		if (!isDeduplicationStore(cause.getResolvableType()) || !isJdbcStoreChosen()) {
			return null;
		}
		ClassLoader classLoader = (this.classLoader != null) ? this.classLoader : getClass().getClassLoader();
		String missing = (ClassUtils.isPresent(SPRING_JDBC, classLoader)
				&& ClassUtils.isPresent(SPRING_BOOT_JDBC, classLoader))
						? "the application has no DataSource bean (or several, none of them @Primary)"
						: "Spring Boot's JDBC support (spring-boot-jdbc) is not on the classpath";
		return new FailureAnalysis(
				"The property '" + JdbcStoreConfiguration.STORE_PROPERTY + "' is 'jdbc', but " + missing
						+ ", so the Blooio webhook endpoint has no de-duplication store.",
				"Add spring-boot-starter-jdbc and your database's JDBC driver, and point spring.datasource.url "
						+ "(with spring.datasource.username and spring.datasource.password) at the database that every "
						+ "instance shares; with several DataSource beans, mark the one to use @Primary. Or set '"
						+ JdbcStoreConfiguration.STORE_PROPERTY
						+ "' to memory (a single instance) or redis, or declare your own "
						+ WebhookDeduplicationStore.class.getSimpleName() + " bean.",
				cause);
	}

	@Override
	public int getOrder() {
		return 0;
	}

	private static boolean isDeduplicationStore(@Nullable ResolvableType type) {
		Class<?> beanType = (type != null) ? type.resolve() : null;
		return beanType != null && WebhookDeduplicationStore.class.isAssignableFrom(beanType);
	}

	private boolean isJdbcStoreChosen() {
		return Binder.get(this.environment)
			.bind(JdbcStoreConfiguration.STORE_PROPERTY, Store.class)
			.map((store) -> store == Store.JDBC)
			.orElse(false);
	}

}
