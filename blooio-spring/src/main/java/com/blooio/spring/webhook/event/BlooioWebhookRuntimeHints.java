package com.blooio.spring.webhook.event;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for the webhook events in a GraalVM native image: SpEL
 * {@code condition}s on {@code @EventListener} methods call the events' public methods
 * reflectively (for example {@code #event.text} or {@code #event.message.chatId()}), and
 * applications may write the events or their parts as JSON.
 */
class BlooioWebhookRuntimeHints implements RuntimeHintsRegistrar {

	private static final Class<?>[] EVENT_TYPES = { BlooioEvent.class, BlooioGenericEvent.class,
			BlooioMessageEvent.class, BlooioMessageReceivedEvent.class, BlooioMessageSentEvent.class,
			BlooioMessageDeliveredEvent.class, BlooioMessageFailedEvent.class, BlooioMessageReadEvent.class,
			BlooioMessageReactionEvent.class, WebhookMessage.class, WebhookDelivery.class,
			WebhookDelivery.UnverifiedHeaders.class };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), EVENT_TYPES);
		for (Class<?> type : EVENT_TYPES) {
			hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

}
