package com.blooio.spring.autoconfigure.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.params.provider.Arguments;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.context.reactive.AnnotationConfigReactiveWebApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessagePendingEvent;
import com.blooio.spring.webhook.event.BlooioMessageQueuedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReactionEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactMergedEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactSharedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupIconChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupNameChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollCreatedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollReceivedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollVotedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStartedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStoppedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyNumberBannedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyStateChangedEvent;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Fixtures, signatures and recording listeners shared by the webhook endpoint tests of
 * both web stacks.
 */
public final class WebhookEndpointTestSupport {

	public static final String SECRET = "whsec_test_secret";

	public static final String DEFAULT_PATH = "/blooio/webhook";

	public static final String SIGNATURE_HEADER = WebhookSigner.SIGNATURE_HEADER;

	public static final String RECEIVED_FIXTURE = "webhook-message.received.json";

	private WebhookEndpointTestSupport() {
	}

	/**
	 * A Spring application on a reactive context without a web server: enough for the web
	 * conditions, and what {@code SpringApplication.run} reports a start-up failure from.
	 * @param source the application's configuration
	 * @return the application, not yet run
	 */
	public static SpringApplication reactiveApplicationWithoutServer(Class<?> source) {
		SpringApplication application = new SpringApplication(source);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.setApplicationContextFactory(
				ApplicationContextFactory.of(AnnotationConfigReactiveWebApplicationContext::new));
		application.setBannerMode(Banner.Mode.OFF);
		return application;
	}

	/**
	 * Removes the system environment, so that a developer's BLOOIO_WEBHOOK_* variables do
	 * not change what the tests see.
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> withoutSystemEnvironment() {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
	}

	public static byte[] fixture(String name) {
		try {
			return new ClassPathResource("fixtures/" + name).getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Signs a body with {@link #SECRET} and the current time.
	 */
	public static String sign(byte[] body) {
		return sign(SECRET, Instant.now().getEpochSecond(), body);
	}

	public static String sign(String secret, long unixSeconds, byte[] body) {
		return WebhookSigner.signatureHeader(secret, Instant.ofEpochSecond(unixSeconds), body);
	}

	/**
	 * Returns a {@code message.received} body of exactly the given size in bytes.
	 */
	public static byte[] receivedBodyOfSize(int size) {
		String prefix = "{\"event\":\"message.received\",\"message_id\":\"padded\",\"text\":\"";
		String suffix = "\"}";
		int padding = size - prefix.length() - suffix.length();
		return (prefix + "x".repeat(padding) + suffix).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Hides the request's length, as for a chunked body, and records the Content-Length
	 * that Spring's view of the request headers then has.
	 */
	public static Filter withoutContentLength(List<Long> contentLengthsSeen) {
		return (request, response, chain) -> {
			HttpServletRequest chunked = new HttpServletRequestWrapper((HttpServletRequest) request) {

				@Override
				public int getContentLength() {
					return -1;
				}

				@Override
				public long getContentLengthLong() {
					return -1;
				}

				@Override
				public String getHeader(String name) {
					return isContentLength(name) ? null : super.getHeader(name);
				}

				@Override
				public Enumeration<String> getHeaders(String name) {
					return isContentLength(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
				}

				@Override
				public Enumeration<String> getHeaderNames() {
					return Collections.enumeration(Collections.list(super.getHeaderNames())
						.stream()
						.filter((name) -> !isContentLength(name))
						.toList());
				}

				private boolean isContentLength(String name) {
					return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
				}

			};
			contentLengthsSeen.add(new ServletServerHttpRequest(chunked).getHeaders().getContentLength());
			chain.doFilter(chunked, response);
		};
	}

	/**
	 * Runs a task on that many threads at once: every thread waits at a start latch until
	 * all are ready.
	 */
	public static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					if (!start.await(10, TimeUnit.SECONDS)) {
						throw new IllegalStateException("Start latch was not released");
					}
					return task.call();
				}));
			}
			if (!ready.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Not all threads got ready");
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(20, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Records every Blooio event, keyed by the type of the listener that received it.
	 */
	/**
	 * Every v4 event type and the event class it is published as.
	 */
	public static Stream<Arguments> everyV4EventType() {
		return Stream.of(Arguments.of("message.queued", BlooioMessageQueuedEvent.class),
				Arguments.of("message.pending", BlooioMessagePendingEvent.class),
				Arguments.of("message.sent", BlooioMessageSentEvent.class),
				Arguments.of("message.delivered", BlooioMessageDeliveredEvent.class),
				Arguments.of("message.failed", BlooioMessageFailedEvent.class),
				Arguments.of("message.read", BlooioMessageReadEvent.class),
				Arguments.of("message.received", BlooioMessageReceivedEvent.class),
				Arguments.of("message.reaction", BlooioMessageReactionEvent.class),
				Arguments.of("typing.started", BlooioTypingStartedEvent.class),
				Arguments.of("typing.stopped", BlooioTypingStoppedEvent.class),
				Arguments.of("group.name_changed", BlooioGroupNameChangedEvent.class),
				Arguments.of("group.icon_changed", BlooioGroupIconChangedEvent.class),
				Arguments.of("contact.shared", BlooioContactSharedEvent.class),
				Arguments.of("contact.merged", BlooioContactMergedEvent.class),
				Arguments.of("poll.created", BlooioPollCreatedEvent.class),
				Arguments.of("poll.received", BlooioPollReceivedEvent.class),
				Arguments.of("poll.voted", BlooioPollVotedEvent.class),
				Arguments.of("safety.state_changed", BlooioSafetyStateChangedEvent.class),
				Arguments.of("safety.number_banned", BlooioSafetyNumberBannedEvent.class));
	}

	/**
	 * A v4 event as Blooio's guides show the envelope ({@code {id, type, created_at,
	 * organization_id, data}}) or as its OpenAPI document does ({@code {id, type,
	 * message_id, chat_id, channel_type, occurred_at, data}}).
	 */
	public static byte[] v4Event(String eventId, String type, boolean documentShape) {
		String json = documentShape ? """
				{"id":"%s","type":"%s","message_id":"m_1","chat_id":"chat_1","channel_type":"imessage",
				 "occurred_at":1777636800,"data":{"sender":"+15551234567"}}
				""" : """
				{"id":"%s","type":"%s","created_at":1777636800000,"organization_id":"org_1",
				 "data":{"message_id":"m_1","sender":"+15551234567"}}
				""";
		return json.formatted(eventId, type).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Records each event by the type of the listener that received it, with one listener
	 * per v4 event type.
	 */
	public static final class V4EventRecorder {

		private final Map<Class<? extends BlooioEvent>, List<BlooioEvent>> events = new ConcurrentHashMap<>();

		@EventListener
		void onEvent(BlooioEvent event) {
			record(BlooioEvent.class, event);
		}

		@EventListener
		void onMessageQueued(BlooioMessageQueuedEvent event) {
			record(BlooioMessageQueuedEvent.class, event);
		}

		@EventListener
		void onMessagePending(BlooioMessagePendingEvent event) {
			record(BlooioMessagePendingEvent.class, event);
		}

		@EventListener
		void onMessageSent(BlooioMessageSentEvent event) {
			record(BlooioMessageSentEvent.class, event);
		}

		@EventListener
		void onMessageDelivered(BlooioMessageDeliveredEvent event) {
			record(BlooioMessageDeliveredEvent.class, event);
		}

		@EventListener
		void onMessageFailed(BlooioMessageFailedEvent event) {
			record(BlooioMessageFailedEvent.class, event);
		}

		@EventListener
		void onMessageRead(BlooioMessageReadEvent event) {
			record(BlooioMessageReadEvent.class, event);
		}

		@EventListener
		void onMessageReceived(BlooioMessageReceivedEvent event) {
			record(BlooioMessageReceivedEvent.class, event);
		}

		@EventListener
		void onMessageReaction(BlooioMessageReactionEvent event) {
			record(BlooioMessageReactionEvent.class, event);
		}

		@EventListener
		void onTypingStarted(BlooioTypingStartedEvent event) {
			record(BlooioTypingStartedEvent.class, event);
		}

		@EventListener
		void onTypingStopped(BlooioTypingStoppedEvent event) {
			record(BlooioTypingStoppedEvent.class, event);
		}

		@EventListener
		void onGroupNameChanged(BlooioGroupNameChangedEvent event) {
			record(BlooioGroupNameChangedEvent.class, event);
		}

		@EventListener
		void onGroupIconChanged(BlooioGroupIconChangedEvent event) {
			record(BlooioGroupIconChangedEvent.class, event);
		}

		@EventListener
		void onContactShared(BlooioContactSharedEvent event) {
			record(BlooioContactSharedEvent.class, event);
		}

		@EventListener
		void onContactMerged(BlooioContactMergedEvent event) {
			record(BlooioContactMergedEvent.class, event);
		}

		@EventListener
		void onPollCreated(BlooioPollCreatedEvent event) {
			record(BlooioPollCreatedEvent.class, event);
		}

		@EventListener
		void onPollReceived(BlooioPollReceivedEvent event) {
			record(BlooioPollReceivedEvent.class, event);
		}

		@EventListener
		void onPollVoted(BlooioPollVotedEvent event) {
			record(BlooioPollVotedEvent.class, event);
		}

		@EventListener
		void onSafetyStateChanged(BlooioSafetyStateChangedEvent event) {
			record(BlooioSafetyStateChangedEvent.class, event);
		}

		@EventListener
		void onSafetyNumberBanned(BlooioSafetyNumberBannedEvent event) {
			record(BlooioSafetyNumberBannedEvent.class, event);
		}

		/**
		 * Returns the events the listener for the given type received.
		 */
		public List<BlooioEvent> receivedBy(Class<? extends BlooioEvent> listenerType) {
			return List.copyOf(this.events.getOrDefault(listenerType, List.of()));
		}

		public List<BlooioEvent> all() {
			return receivedBy(BlooioEvent.class);
		}

		private void record(Class<? extends BlooioEvent> listenerType, BlooioEvent event) {
			this.events.computeIfAbsent(listenerType, (type) -> new CopyOnWriteArrayList<>()).add(event);
		}

	}

	public static final class EventRecorder {

		private final Map<Class<? extends BlooioEvent>, List<BlooioEvent>> events = new ConcurrentHashMap<>();

		@EventListener
		void onEvent(BlooioEvent event) {
			record(BlooioEvent.class, event);
		}

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) {
			record(BlooioMessageReceivedEvent.class, event);
		}

		@EventListener
		void onSent(BlooioMessageSentEvent event) {
			record(BlooioMessageSentEvent.class, event);
		}

		@EventListener
		void onDelivered(BlooioMessageDeliveredEvent event) {
			record(BlooioMessageDeliveredEvent.class, event);
		}

		@EventListener
		void onFailed(BlooioMessageFailedEvent event) {
			record(BlooioMessageFailedEvent.class, event);
		}

		@EventListener
		void onRead(BlooioMessageReadEvent event) {
			record(BlooioMessageReadEvent.class, event);
		}

		/**
		 * Returns the events the listener for the given type received.
		 */
		public List<BlooioEvent> receivedBy(Class<? extends BlooioEvent> listenerType) {
			return List.copyOf(this.events.getOrDefault(listenerType, List.of()));
		}

		public List<BlooioEvent> all() {
			return receivedBy(BlooioEvent.class);
		}

		private void record(Class<? extends BlooioEvent> listenerType, BlooioEvent event) {
			this.events.computeIfAbsent(listenerType, (type) -> new CopyOnWriteArrayList<>()).add(event);
		}

	}

	/**
	 * Fails on its first {@code message.received} event, succeeds afterwards.
	 */
	public static final class FailingOnceListener {

		private final AtomicInteger calls = new AtomicInteger();

		private final List<BlooioMessageReceivedEvent> handled = new CopyOnWriteArrayList<>();

		@EventListener
		void onReceived(BlooioMessageReceivedEvent event) {
			if (this.calls.getAndIncrement() == 0) {
				throw new IllegalStateException("Listener failure provoked by the test");
			}
			this.handled.add(event);
		}

		public int calls() {
			return this.calls.get();
		}

		public List<BlooioMessageReceivedEvent> handled() {
			return this.handled;
		}

	}

}
