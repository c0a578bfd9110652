package com.blooio.spring.autoconfigure.client;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.blooio.spring.autoconfigure.BlooioProperties;

/**
 * Matches when {@code blooio.api-key} has text, in any relaxed form
 * ({@code BLOOIO_API_KEY}, {@code blooio.apiKey}, ...). A blank key does not match.
 */
class OnBlooioApiKeyCondition extends SpringBootCondition {

	static final String PROPERTY = BlooioProperties.PREFIX + ".api-key";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean hasKey = Binder.get(context.getEnvironment())
			.bind(PROPERTY, String.class)
			.map(StringUtils::hasText)
			.orElse(false);
		return hasKey ? ConditionOutcome.match(PROPERTY + " is set")
				: ConditionOutcome.noMatch(PROPERTY + " is not set or blank");
	}

}
