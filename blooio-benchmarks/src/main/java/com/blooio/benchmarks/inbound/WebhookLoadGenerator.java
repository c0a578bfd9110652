package com.blooio.benchmarks.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.blooio.benchmarks.support.Args;
import com.blooio.benchmarks.support.ClosedLoad;
import com.blooio.benchmarks.support.Report;
import com.blooio.benchmarks.support.Totals;
import com.blooio.benchmarks.support.WebhookDeliveries;
import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Loads an {@link InboundServerApp} from its own JVM over loopback: fixed concurrency,
 * every request a freshly signed delivery with a message id never sent before, posted to
 * each target route alike (the starter's webhook endpoint, the bare route, and on WebFlux
 * two diagnostic routes). Every target warms up, then measured rounds rotate the order. A
 * non-2xx answer counts as an error, and the number of events the server published must
 * equal the deliveries the publishing routes accepted. Besides throughput, the server's
 * CPU time per request is measured: it depends less than throughput on whatever else runs
 * on the machine.
 */
public final class WebhookLoadGenerator {

	/** The target every other is compared with. */
	static final String BASELINE = "bare";

	private WebhookLoadGenerator() {
	}

	public static void main(String[] arguments) {
		Args args = Args.parse(arguments);
		String stack = args.require("stack");
		int concurrency = args.getInt("concurrency", 64);
		Duration warmup = Duration.ofSeconds(args.getInt("warmup", 10));
		Duration duration = Duration.ofSeconds(args.getInt("duration", 8));
		int rounds = args.getInt("rounds", 3);
		Map<String, String> paths = InboundServerApp.targets(stack, args.get("targets", "default"));
		if (args.flag("profile")) {
			// one target only, for a clean Flight Recorder profile of its route
			String target = args.require("target");
			Duration length = Duration.ofSeconds(args.getInt("duration", 30));
			profile(InboundServerApp.targets(stack).getOrDefault(target, target), target, concurrency, warmup, length,
					args.require("port"));
			return;
		}
		ConnectionProvider pool = ConnectionProvider.builder("load")
			.maxConnections(concurrency)
			.pendingAcquireMaxCount(-1)
			.build();
		HttpClient client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + args.require("port"));
		WebhookDeliveries deliveries = WebhookDeliveries.fromFixture();
		LongSupplier serverCpu = () -> stats(client)[1];
		Map<String, Supplier<Mono<?>>> calls = new LinkedHashMap<>();
		Map<String, Totals> totals = new LinkedHashMap<>();
		paths.forEach((name, path) -> {
			calls.put(name, () -> post(client, path, deliveries.next()));
			totals.put(name, new Totals());
		});

		Report.progress("inbound " + stack + ": warm-up, " + warmup.toSeconds() + " s per route " + paths.keySet());
		calls.values().forEach((call) -> ClosedLoad.run(call, concurrency, warmup, serverCpu));
		Report.progress("inbound " + stack + ": concurrency " + concurrency + ", " + rounds + " rounds of "
				+ duration.toSeconds() + " s per route");
		long publishedBefore = stats(client)[0];
		List<String> order = new ArrayList<>(calls.keySet());
		for (int round = 0; round < rounds; round++) {
			for (String name : order) {
				totals.get(name).add(ClosedLoad.run(calls.get(name), concurrency, duration, serverCpu));
			}
			order.add(order.remove(0));
		}
		long published = stats(client)[0] - publishedBefore;
		long expected = totals.entrySet()
			.stream()
			.filter((entry) -> InboundServerApp.PUBLISHING.contains(entry.getKey()))
			.mapToLong((entry) -> entry.getValue().succeeded())
			.sum();
		// ratios are to the bare route unless another target is named the baseline
		Totals baseline = totals.get(args.get("baseline", BASELINE));
		totals.forEach((name, target) -> {
			Object[] head = { "part", "inbound", "stack", stack, "concurrency", concurrency, "target", name, "ratio",
					format(target.perSecond() / baseline.perSecond()), "minRatio",
					format(ratios(target, baseline, rounds)[0]), "maxRatio",
					format(ratios(target, baseline, rounds)[1]), "cpuRatio",
					format(target.cpuMicrosPerRequest() / baseline.cpuMicrosPerRequest()), "published", published,
					"expectedPublished", expected };
			Report.result(concat(head, target.describe("target")));
		});
		pool.disposeLater().block(Duration.ofSeconds(10));
		System.exit(0);
	}

	private static void profile(String path, String target, int concurrency, Duration warmup, Duration duration,
			String port) {
		ConnectionProvider pool = ConnectionProvider.builder("load").maxConnections(concurrency).build();
		HttpClient client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + port);
		WebhookDeliveries deliveries = WebhookDeliveries.fromFixture();
		Supplier<Mono<?>> call = () -> post(client, path, deliveries.next());
		ClosedLoad.run(call, concurrency, warmup, () -> 0);
		Totals totals = new Totals();
		totals.add(ClosedLoad.run(call, concurrency, duration, () -> stats(client)[1]));
		Report.result(concat(new Object[] { "part", "inbound-profile", "target", target }, totals.describe("target")));
		System.exit(0);
	}

	private static double[] ratios(Totals target, Totals baseline, int rounds) {
		double min = Double.MAX_VALUE;
		double max = 0;
		for (int round = 0; round < rounds; round++) {
			double ratio = target.rates().get(round) / baseline.rates().get(round);
			min = Math.min(min, ratio);
			max = Math.max(max, ratio);
		}
		return new double[] { min, max };
	}

	private static Mono<Integer> post(HttpClient client, String path, WebhookDeliveries.Delivery delivery) {
		return client
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(WebhookSigner.SIGNATURE_HEADER, delivery.signature())
				.set(BlooioWebhook.EVENT_HEADER, "message.received")
				.set(BlooioWebhook.MESSAGE_ID_HEADER, delivery.messageId()))
			.post()
			.uri(path)
			.send(Mono.just(Unpooled.wrappedBuffer(delivery.body())))
			.responseSingle((response, body) -> body.asByteArray().then(Mono.just(response.status().code())))
			.flatMap((status) -> (status / 100 == 2) ? Mono.just(status)
					: Mono.error(new IllegalStateException(path + " answered " + status)));
	}

	/**
	 * Returns the events the server published and the CPU time it used so far.
	 */
	private static long[] stats(HttpClient client) {
		String stats = client.get().uri(InboundServerApp.STATS_PATH).responseContent().aggregate().asString().block();
		return Arrays.stream(stats.trim().split(" ")).mapToLong(Long::parseLong).toArray();
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static Object[] concat(Object[]... parts) {
		return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
	}

}
