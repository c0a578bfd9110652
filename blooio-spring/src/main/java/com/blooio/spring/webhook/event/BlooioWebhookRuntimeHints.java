package com.blooio.spring.webhook.event;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import com.blooio.spring.webhook.event.chat.BlooioChatEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactMergedEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactSharedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupIconChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupNameChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollCreatedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollReceivedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollVotedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStartedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStoppedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyNumberBannedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyStateChangedEvent;
import com.blooio.spring.webhook.event.safety.SafetyAction;

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
			BlooioMessageReactionEvent.class, BlooioMessageQueuedEvent.class, BlooioMessagePendingEvent.class,
			WebhookMessage.class, WebhookDelivery.class, WebhookDelivery.UnverifiedHeaders.class, BlooioChatEvent.class,
			BlooioTypingStartedEvent.class, BlooioTypingStoppedEvent.class, BlooioGroupNameChangedEvent.class,
			BlooioGroupIconChangedEvent.class, BlooioContactSharedEvent.class, BlooioContactMergedEvent.class,
			BlooioPollEvent.class, BlooioPollCreatedEvent.class, BlooioPollReceivedEvent.class,
			BlooioPollVotedEvent.class, BlooioSafetyStateChangedEvent.class, BlooioSafetyNumberBannedEvent.class,
			SafetyAction.class };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), EVENT_TYPES);
		for (Class<?> type : EVENT_TYPES) {
			hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

}
