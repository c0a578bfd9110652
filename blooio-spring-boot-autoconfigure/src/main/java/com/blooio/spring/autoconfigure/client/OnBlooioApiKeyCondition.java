package com.blooio.spring.autoconfigure.client;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.autoconfigure.BlooioProperties;

/**
 * Matches when {@code blooio.api-key} has text, in any relaxed form
 * ({@code BLOOIO_API_KEY}, {@code blooio.apiKey}, ...), or when the application defines a
 * {@link BlooioConnectionDetails} bean of its own, which carries the key. A blank key
 * does not match. Bean definitions are only inspected: no bean is created.
 */
class OnBlooioApiKeyCondition extends SpringBootCondition {

	static final String PROPERTY = BlooioProperties.PREFIX + ".api-key";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean hasKey = Binder.get(context.getEnvironment())
			.bind(PROPERTY, String.class)
			.map(StringUtils::hasText)
			.orElse(false);
		if (hasKey) {
			return ConditionOutcome.match(PROPERTY + " is set");
		}
		String connectionDetails = applicationConnectionDetails(context.getBeanFactory());
		if (connectionDetails != null) {
			return ConditionOutcome.match("BlooioConnectionDetails bean '" + connectionDetails + "' is defined");
		}
		return ConditionOutcome
			.noMatch(PROPERTY + " is not set or blank and no BlooioConnectionDetails bean is defined");
	}

	private static @Nullable String applicationConnectionDetails(
			@Nullable ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory == null) {
			return null;
		}
		for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory,
				BlooioConnectionDetails.class, true, false)) {
			if (!beanFactory.isTypeMatch(name, PropertiesBlooioConnectionDetails.class)) {
				return name;
			}
		}
		return null;
	}

}
