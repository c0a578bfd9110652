package com.blooio.spring.autoconfigure.webhook;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.blooio.spring.autoconfigure.BlooioProperties;

/**
 * Matches when the webhook endpoint is wanted: {@code blooio.webhook.enabled} decides
 * when set; otherwise the endpoint is on once a secret or a public URL (which the starter
 * subscribes) is set, or unsigned deliveries are explicitly allowed, so applications that
 * only send need no webhook configuration.
 */
class OnBlooioWebhookEnabledCondition extends SpringBootCondition {

	private static final String PREFIX = BlooioProperties.PREFIX + ".webhook";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		Boolean enabled = binder.bind(PREFIX + ".enabled", Boolean.class).orElse(null);
		if (enabled != null) {
			return enabled ? ConditionOutcome.match(PREFIX + ".enabled is true")
					: ConditionOutcome.noMatch(PREFIX + ".enabled is false");
		}
		boolean hasSecret = binder.bind(PREFIX + ".secret", String.class).map(StringUtils::hasText).orElse(false);
		boolean allowUnsigned = binder.bind(PREFIX + ".allow-unsigned", Boolean.class).orElse(false);
		if (hasSecret || allowUnsigned) {
			return ConditionOutcome.match(hasSecret ? PREFIX + ".secret is set" : PREFIX + ".allow-unsigned is true");
		}
		boolean hasPublicUrl = binder.bind(PREFIX + ".public-url", String.class)
			.map(StringUtils::hasText)
			.orElse(false);
		if (hasPublicUrl) {
			return ConditionOutcome.match(PREFIX + ".public-url is set");
		}
		return ConditionOutcome.noMatch(PREFIX + ".secret is not set");
	}

}
