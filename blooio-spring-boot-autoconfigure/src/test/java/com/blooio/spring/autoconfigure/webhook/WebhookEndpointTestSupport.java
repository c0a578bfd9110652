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

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

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
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;
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
