package com.blooio.benchmarks.micro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;

import com.blooio.benchmarks.inbound.DeliveryCounter;
import com.blooio.benchmarks.support.AcceptingStore;
import com.blooio.benchmarks.support.WebhookDeliveries;
import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookOutcome;
import com.blooio.spring.webhook.signature.WebhookSignatureVerifier;

/**
 * Per-delivery CPU and allocation of the webhook pipeline for a 1 KB
 * {@code message.received} body: signature verification alone, parsing alone (an unsigned
 * handler with a store that accepts everything and a listener that keeps the event), and
 * the whole handler (verify, parse, de-duplication key, publish).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class WebhookBenchmarks {

	/** Body size of the measured delivery. */
	public static final int BODY_BYTES = 1024;

	private byte[] body;

	private HttpHeaders headers;

	private String signature;

	private WebhookSignatureVerifier verifier;

	private BlooioWebhookHandler unsignedHandler;

	private BlooioWebhookHandler signedHandler;

	private BlooioWebhookHandler springPublishingHandler;

	private GenericApplicationContext context;

	private volatile Object lastEvent;

	@Setup
	public void setUp() {
		WebhookDeliveries.Delivery delivery = WebhookDeliveries.ofSize(BODY_BYTES).next();
		this.body = delivery.body();
		this.headers = delivery.headers();
		this.signature = delivery.signature();
		// the signature is made once; a tolerance of a day keeps it valid for the run
		this.verifier = new WebhookSignatureVerifier(List.of(WebhookDeliveries.SECRET), Duration.ofDays(1),
				Clock.systemUTC());
		ApplicationEventPublisher publisher = (event) -> this.lastEvent = event;
		this.unsignedHandler = new BlooioWebhookHandler(null, new AcceptingStore(), publisher);
		this.signedHandler = new BlooioWebhookHandler(this.verifier, new AcceptingStore(), publisher);
		if (this.signedHandler.handle(this.headers, this.body) != WebhookOutcome.HANDLED) {
			throw new IllegalStateException("The benchmark delivery is not handled");
		}
		this.context = new GenericApplicationContext();
		this.context.registerBean(DeliveryCounter.class);
		this.context.refresh();
		this.springPublishingHandler = new BlooioWebhookHandler(this.verifier, new AcceptingStore(), this.context);
	}

	@TearDown
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public Instant verifySignature() {
		return this.verifier.verify(this.signature, this.body);
	}

	@Benchmark
	public WebhookOutcome parseEvent() {
		return this.unsignedHandler.handle(this.headers, this.body);
	}

	@Benchmark
	public WebhookOutcome handleDelivery() {
		return this.signedHandler.handle(this.headers, this.body);
	}

	/**
	 * The whole handler publishing through a Spring application context to one listener,
	 * as in an application.
	 */
	@Benchmark
	public WebhookOutcome handleDeliveryThroughSpringContext() {
		return this.springPublishingHandler.handle(this.headers, this.body);
	}

}
