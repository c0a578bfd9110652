package com.blooio.spring.autoconfigure.client;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import com.blooio.spring.client.BlooioOperations;

/**
 * Explains a missing {@code BlooioTemplate} or {@code BlooioOperations} bean caused by an
 * unset or blank {@code blooio.api-key}, and how to set it.
 * <p>
 * Ordered first: Boot's generic analyzer of a missing bean ("Consider defining a bean")
 * answers the same failure, and analyzers of equal order run in classpath order, which
 * depends on how an application lists its dependencies.
 */
class NoBlooioApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {

	private final Environment environment;

	NoBlooioApiKeyFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		if (!isBlooioClient(cause.getResolvableType()) || hasApiKey()) {
			return null;
		}
		String type = cause.getResolvableType().resolve(Object.class).getSimpleName();
		return new FailureAnalysis(
				"No " + type + " bean is available because the property '" + OnBlooioApiKeyCondition.PROPERTY
						+ "' is not set or is blank.",
				"Set your Blooio API key: add '" + OnBlooioApiKeyCondition.PROPERTY
						+ "=<your key>' to application.properties, or export the BLOOIO_API_KEY environment "
						+ "variable, or define a BlooioConnectionDetails bean that supplies it. To run without Blooio, "
						+ "define your own " + BlooioOperations.class.getSimpleName() + " bean instead.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static boolean isBlooioClient(@Nullable ResolvableType type) {
		Class<?> beanType = (type != null) ? type.resolve() : null;
		return beanType != null && BlooioOperations.class.isAssignableFrom(beanType);
	}

	private boolean hasApiKey() {
		return Binder.get(this.environment)
			.bind(OnBlooioApiKeyCondition.PROPERTY, String.class)
			.map(StringUtils::hasText)
			.orElse(false);
	}

}
